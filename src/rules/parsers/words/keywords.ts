/** Words that say which requirement a number or a time belongs to. Sets of normalised words (apostrophes dropped). */
const set = (...words: string[]): ReadonlySet<string> => new Set(words);

export const RPO_WORDS = set('rpo', 'rposec', 'loss', 'lose', 'lost', 'losing');
export const RTO_WORDS = set('rto', 'rtosec', 'recover', 'recovery', 'recovered', 'recovers', 'restore', 'restored', 'failover', 'downtime', 'outage', 'outages', 'back');
export const STALE_WORDS = set('stale', 'staleness', 'lag', 'lags', 'behind', 'fresh', 'freshness', 'outdated', 'delayed', 'stalenessboundsec', 'old');
export const RETAIN_WORDS = set('retention', 'retain', 'retained', 'retaining', 'keep', 'kept', 'keeping', 'history', 'archive', 'archived', 'ttl', 'expire', 'expires', 'expiry', 'purge', 'purged', 'retentiondays', 'hold', 'held', 'older', 'beyond', 'persist', 'persisted', 'persistence', 'survive', 'survives', 'delete', 'deleted', 'stored');
export const LATENCY_WORDS = set('latency', 'latencies', 'respond', 'responds', 'response', 'responses', 'answer', 'answers', 'reply', 'replies', 'roundtrip', 'rtt', 'fast', 'takes', 'complete', 'completes', 'return', 'returns', 'readlatencyms', 'writelatencyms', 'slo');
export const WEAK_LATENCY_WORDS = set('under', 'within', 'below', 'sub', 'less', 'in', 'max', 'maximum', 'most', 'budget', '<', '<=');
export const READ_WORDS = set('read', 'reads', 'query', 'queries', 'lookup', 'lookups', 'get', 'gets', 'fetch', 'fetches', 'view', 'views', 'search', 'searches', 'readspersec');
export const WRITE_WORDS = set('write', 'writes', 'commit', 'commits', 'insert', 'inserts', 'update', 'updates', 'upsert', 'upserts', 'ingest', 'ingestion', 'save', 'saves', 'writespersec');

/** Counted things that are reads; the rest of the rates' nouns are writes or are decided by the verbs. */
export const READ_NOUNS = set('read', 'reads', 'query', 'queries', 'lookup', 'lookups', 'gets', 'get', 'views', 'pageviews', 'hits', 'searches', 'fetches', 'visits', 'requests', 'request', 'reqs', 'req', 'impressions', 'downloads', 'evaluations', 'checks', 'renders', 'resolutions', 'redirects', 'resolves', 'plays', 'opens', 'polls', 'rps', 'qps', 'rpm', 'readspersec');
export const WRITE_NOUNS = set(
  'write', 'writes', 'inserts', 'insert', 'updates', 'update', 'upserts', 'events', 'event', 'messages', 'message', 'msgs', 'msg',
  'transactions', 'transaction', 'txns', 'txn', 'tx', 'orders', 'payments', 'uploads', 'posts', 'pings', 'samples', 'readings',
  'records', 'rows', 'logs', 'points', 'metrics', 'trades', 'bids', 'bookings', 'transfers', 'tweets', 'comments', 'likes', 'clicks',
  'checkouts', 'commits', 'mutations', 'jobs', 'tasks', 'notifications', 'emails', 'entries', 'signups', 'heartbeats', 'reservations', 'registrations', 'purchases', 'sales', 'deposits', 'withdrawals', 'charges', 'claims', 'votes', 'edits', 'changes', 'deletes', 'reports', 'wps', 'tps', 'writespersec',
  'scores', 'deliveries', 'swipes', 'scans', 'shipments', 'syncs', 'webhooks', 'sends', 'checkins',
);
export const WRITE_VERBS = set('write', 'writes', 'ingest', 'ingests', 'ingesting', 'insert', 'upload', 'uploads', 'publish', 'publishes', 'post', 'posts', 'send', 'sends', 'record', 'records', 'log', 'create', 'creates', 'append', 'appends', 'produce', 'produces', 'emit', 'emits', 'submit', 'submits', 'place', 'placed', 'written', 'wrote', 'writing', 'report', 'reports', 'deliver', 'delivers', 'delivered');
export const READ_VERBS = set('read', 'reads', 'serve', 'serves', 'serving', 'served', 'view', 'views', 'fetch', 'fetches', 'query', 'queries', 'load', 'loads', 'visit', 'visits', 'browse', 'lookup', 'handle', 'handles', 'handling');

export const PEAK_WORDS = set('peak', 'peaks', 'peaking', 'peaked', 'burst', 'bursts', 'bursting', 'spike', 'spikes', 'spiking', 'surge', 'surges', 'max', 'maximum', 'busiest', 'friday', 'launch', 'holiday', 'holidays', 'rush', 'worst', 'jump', 'jumps', 'jumped', 'jumping');
export const NORMAL_WORDS = set('normal', 'normally', 'average', 'avg', 'typical', 'typically', 'usually', 'usual', 'baseline', 'steady', 'sustained', 'median', 'regular', 'ordinary', 'everyday');

export const REGION_NOUNS = set('region', 'regions');
export const ZONE_NOUNS = set('az', 'azs', 'zone', 'zones', 'availabilityzones');
/** Counted things that are copies of the data; "a 5-node cluster" counts its nodes as replicas. */
export const REPLICA_NOUNS = set('replica', 'replicas', 'copies', 'copy', 'node', 'nodes');
export const DEPENDENCY_NOUNS = set('dependencies', 'dependency', 'deps', 'microservices', 'backends', 'calls', 'hops', 'downstreams');
export const SERVICE_NOUNS = set('services', 'apis', 'systems', 'providers', 'vendors', 'partners', 'processors', 'acquirers', 'gateways', 'carriers', 'suppliers', 'integrations', 'upstreams');
export const CALL_WORDS = set('call', 'calls', 'calling', 'depends', 'depend', 'downstream', 'upstream', 'sync', 'synchronous', 'synchronously', 'talk', 'talks', 'hits', 'dependencies', 'fan', 'fans');
export const FAN_NOUNS = set('followers', 'subscribers', 'recipients', 'members', 'watchers', 'fans', 'listeners', 'inboxes', 'friends', 'connections');
export const FAN_WORDS = set('fanout', 'fan');
export const SHAPE_NOUNS = set('shapes', 'patterns', 'types', 'kinds');
export const TENANT_NOUNS = set('tenants', 'tenant');

/** Words that mark a bare number's field ("rpo 0", "replicas: 3", "budget 5000"). */
export const LABELS: ReadonlyArray<[ReadonlySet<string>, string]> = [
  [set('rpo', 'rposec'), 'rpoSec'],
  [set('rto', 'rtosec'), 'rtoSec'],
  [set('replicas', 'replica', 'rf', 'replication', 'copies'), 'replicas'],
  [set('regions', 'region'), 'regions'],
  [set('zones', 'azs', 'az'), 'availabilityZones'],
  [set('budget', 'cost', 'costs', 'spend', 'spending', 'budgetusdpermonth'), 'budgetUsdPerMonth'],
  [set('fanout', 'fan'), 'fanOut'],
  [set('availability', 'uptime', 'sla', 'available'), 'availability'],
  [set('peak', 'peakfactor', 'burst'), 'peakFactor'],
  [set('reads', 'readspersec'), 'readsPerSec'],
  [set('writes', 'writespersec'), 'writesPerSec'],
  [set('dependencies', 'deps'), 'dependencies'],
  [set('shapes', 'queryshapes'), 'queryShapes'],
  [set('staleness', 'stalenessboundsec'), 'stalenessBoundSec'],
  [set('retention', 'retentiondays'), 'retentionDays'],
  [set('latency', 'p99', 'p95', 'p999'), 'readLatencyMs'],
];

/** Words that name an availability target beside a percentage. */
export const AVAILABILITY_WORDS = set('availability', 'available', 'uptime', 'up', 'sla', 'slo', 'stay', 'nines');

/** Context that shows a percentage is not an availability ("1% of requests may fail", "80% cache hits"). */
export const NOT_AVAILABILITY = set('fail', 'fails', 'failure', 'failures', 'error', 'errors', 'loss', 'drop', 'drops', 'dropped', 'cpu', 'utilization', 'utilisation', 'discount', 'conversion', 'cache', 'hit', 'hits', 'growth', 'grow', 'grows', 'increase', 'margin', 'headroom');

/** True for a percentile word such as p99 or p999. */
export function isPercentile(word: string): boolean {
  return word.length >= 3 && word.length <= 6 && word.charAt(0) === 'p' && /^\d+$/.test(word.slice(1));
}

import type { Facts } from '../facts.ts';
import type { Requirements } from '../requirements.ts';

/** The boxes an architecture can hold, in the order they are drawn (clients first). */
export const componentIds = [
  'clients',
  'cdn',
  'entry',
  'app',
  'cache',
  'database',
  'coordinator',
  'search-index',
  'geo-index',
  'object-store',
  'log',
  'workers',
  'analytics-store',
  'dependencies',
] as const;
export type ComponentId = (typeof componentIds)[number];

/** What the chosen design holds, as the component choice reads it. */
export interface DesignShape {
  has(id: string): boolean;
  /** Why P3 is in the design: rule ids and the items that brought it. */
  logReasons: string[];
}

/** A component the design needs, with the reasons it exists. */
export interface ChosenComponent {
  id: ComponentId;
  reasons: string[];
}

/** True when the telemetry store itself is the store of record (ingested events with ad hoc queries or long retention). */
export function analyticsIsRecord(facts: Facts): boolean {
  return facts.ingestsEvents === true && facts.analyticsStore === true;
}

/**
 * Which components the design needs, each with the requirement behind it: a consumer of events
 * before an event log, a content tier only for static or large items, a coordinator only for a
 * leader's failover or stated coordination.
 */
export function chooseComponents(r: Requirements, facts: Facts, design: DesignShape): ChosenComponent[] {
  const chosen: ChosenComponent[] = [];
  const add = (id: ComponentId, ...reasons: string[]) => chosen.push({ id, reasons });
  add('clients', 'the users or devices that call the system');
  if (facts.contentTier) {
    const why = r.staticContent ? 'staticContent = true' : `objectSizeKb ${r.objectSizeKb} ≥ 100`;
    if (r.staticContent) add('cdn', `${why}: bodies are served from edge caches near the users, not from the app tier`);
    else add('cdn', `${why}: large items are served from edge caches, not through the app tier`);
  }
  add('entry', 'one address for clients, spreading requests over the app nodes and taking failed ones out');
  add('app', 'stateless service nodes that run the logic; they scale out with the request rate');
  if (design.has('P11')) add('cache', 'P11 caching: reads served from memory in front of the store');
  if (!analyticsIsRecord(facts)) add('database', 'the store of record');
  if (design.has('leader-follower')) add('coordinator', 'the leader fails over without a person: a managed failover (or a small consensus store) decides the new leader, off the data path');
  else if (r.coordination) add('coordinator', 'coordination = true: leader election, leases and agreed configuration on a small consensus store');
  if (r.search) add('search-index', 'search = true: an inverted index beside the store, fed by its changes');
  if (r.geoQueries) add('geo-index', 'geoQueries = true: a spatial index over cells for nearby and within-area queries');
  if (facts.contentTier) add('object-store', 'bodies of files, images or large items live in an object store; the database keeps their metadata');
  const consumed = consumersOfEvents(r, facts, design);
  if (design.has('P3') && consumed.length > 0) add('log', `a durable log, because ${consumed.join('; ')}`);
  const work = workOfWorkers(r, facts, design);
  if (work.length > 0) add('workers', ...work);
  if (facts.analyticsStore) {
    add('analytics-store', analyticsIsRecord(facts)
      ? `domain = ${r.domain} with ${r.adHocQueries ? 'ad hoc queries' : `retention ${r.retentionDays} days`}: a time-series or columnar store is the store of record for the events`
      : 'adHocQueries = true: analysts query a copy in a columnar store, never the serving database');
  }
  if ((r.dependencies ?? 0) > 0) add('dependencies', `dependencies = ${r.dependencies}: synchronous downstream calls on a request's path`);
  return chosen;
}

/** What consumes events, when something does; an audit journal alone stays a table of the store. */
function consumersOfEvents(r: Requirements, facts: Facts, design: DesignShape): string[] {
  const consumers: string[] = [];
  if (r.publishesEvents) consumers.push('other services consume its events (publishesEvents)');
  if (r.eventSourcing) consumers.push('the events are the record and read models are built from them (eventSourcing)');
  if (facts.fanOutChoice) consumers.push('fan-out workers deliver each post to its recipients');
  if (facts.ingestsEvents) consumers.push(`${r.domain} events are buffered for the consumers that aggregate and store them`);
  if (design.has('P19')) consumers.push('change data capture streams the store\'s changes to their consumers');
  if (design.logReasons.includes('store-and-forward')) consumers.push('messages wait in a durable inbox until the recipient acknowledges them');
  if (design.has('checkpoint')) consumers.push('the journal of changes between checkpoints is replayed after a failure');
  return consumers;
}

/** The background work the design has, if any. */
function workOfWorkers(r: Requirements, facts: Facts, design: DesignShape): string[] {
  const work: string[] = [];
  if (facts.fanOutChoice) work.push(`fan-out: each write is delivered to its ${r.fanOut} recipients' timelines`);
  if (facts.contentTier && r.staticContent && (r.writesPerSec ?? 0) > 0) work.push('uploads are processed (transcoded, resized, scanned) off the request path');
  if (facts.ingestsEvents) work.push('consumers aggregate the ingested events and write them to the store');
  if (design.has('P19') && facts.analyticsStore) work.push('a change-data-capture sink loads the analytics store');
  if (r.eventSourcing) work.push('projectors build read models from the events');
  return work;
}

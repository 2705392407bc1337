import type { Assessment } from '../assessment.ts';
import type { CostTable } from '../costs.ts';
import { majority, type Facts } from '../facts.ts';
import { WRITES_PER_PARTITION } from '../models/partitions.ts';
import { DEFAULT_HEADROOM } from '../models/throughput.ts';
import type { Requirements } from '../requirements.ts';
import { fmt } from '../validation/capacity.ts';
import { analyticsIsRecord, type ChosenComponent, type ComponentId } from './components.ts';
import { cdnCost, type CostItem } from './cost-items.ts';

export type Component = NonNullable<Assessment['architecture']>['components'][number];
export type Edge = NonNullable<Assessment['architecture']>['edges'][number];

/** The sized architecture, with what the checks need to know about it. */
export interface SizedArchitecture {
  architecture: NonNullable<Assessment['architecture']>;
  costItems: CostItem[];
  /** The store of record: its partitions, replicas, quorum, and whether consensus is on its data path. */
  store: { id: ComponentId; partitions: number; replicas: number; quorum: number; consensus: boolean; nodes: number };
  appNodes: number;
  cache?: { nodes: number; hitRatio: number };
  /** True when every dependency is called behind a breaker with a fallback. */
  dependenciesOffPath: boolean;
}

const SECONDS_PER_MONTH = 2_592_000;
const CACHE_NODE_OPS = 50_000;
const CONSENSUS_WRITES_PER_GROUP = 10_000;

interface Inputs {
  r: Requirements;
  facts: Facts;
  has: (id: string) => boolean;
  chosen: ChosenComponent[];
  technologies: ReadonlyMap<string, string>;
  costs: CostTable;
}

/** Sizes each chosen component (nodes, partitions, replicas, memory, retention), prices it, and draws the edges. */
export function buildArchitecture({ r, facts, has, chosen, technologies, costs }: Inputs): SizedArchitecture {
  const d = costs.sizing;
  const regions = r.regions ?? 1;
  const peakWrites = facts.peakWritesPerSec ?? 0;
  const peakReads = facts.peakReadsPerSec ?? 0;
  const ids = new Set(chosen.map((c) => c.id));
  const costItems: CostItem[] = [];
  const components: Component[] = [];
  const price = (item: string, usd: number, formula: string) => costItems.push({ item, usd, formula });
  const tech = (id: string, fallback: string) => technologies.get(id) ?? fallback;
  const perRegion = regions > 1 ? ` × ${regions} regions` : '';

  const consensus = has('P5') && facts.strongSpans === true;
  const modelPartitions = facts.partitionsNeeded ?? 1;
  const groups = consensus ? Math.ceil(peakWrites / (CONSENSUS_WRITES_PER_GROUP * DEFAULT_HEADROOM)) : 0;
  const partitions = Math.max(modelPartitions, groups, 1);
  const replicas = r.replicas ?? (has('P2') ? 3 : 1);
  const quorum = consensus ? majority(replicas) : 1;
  // Eventual copies live in every region; consensus voters are spread over the regions instead.
  const copies = consensus ? 1 : regions;
  const storeNodes = partitions * replicas * copies;
  const servingGb = facts.servingGb;
  const selfRun = has('P1') || consensus;
  const storeId: ComponentId = analyticsIsRecord(facts) ? 'analytics-store' : 'database';

  const appNodes = Math.max(d.statelessNodes, Math.ceil((peakReads + peakWrites) / d.appRequestsPerSecPerNode));
  let cache: SizedArchitecture['cache'];

  for (const c of chosen) {
    const base = { id: c.id, reasons: c.reasons };
    switch (c.id) {
      case 'clients':
        components.push({ ...base, role: 'users and devices', technology: 'web, mobile or device clients', count: 0, primitives: [], sizing: {} });
        break;
      case 'cdn': {
        const objectKb = r.objectSizeKb ?? d.objectKbDefault;
        const gb = ((r.readsPerSec ?? 0) * objectKb * SECONDS_PER_MONTH) / 1e6;
        components.push({ ...base, role: 'edge cache for static bodies', technology: tech('cdn', 'CloudFront (or Fastly, Cloudflare)'), count: 1, primitives: [], sizing: { transferGbPerMonth: Math.round(gb), objectKb, managed: 'yes' } });
        if (gb > 0) {
          const { usd, formula } = cdnCost(gb, costs);
          price('CDN transfer', usd, `${fmt(r.readsPerSec ?? 0)} reads/s × ${fmt(objectKb)} KB${r.objectSizeKb === undefined ? ' (assumed)' : ''} × ${SECONDS_PER_MONTH} s = ${fmt(Math.round(gb))} GB/month: ${formula}`);
        }
        break;
      }
      case 'entry':
        components.push({ ...base, role: 'load balancer / API gateway', technology: tech('entry', 'managed load balancer (e.g. AWS ALB)'), count: d.statelessNodes, primitives: [], sizing: { nodes: d.statelessNodes, managed: 'yes' } });
        price('load balancer', costs.loadBalancerUsdPerMonth * regions, `1 × $${costs.loadBalancerUsdPerMonth}${perRegion}`);
        break;
      case 'app': {
        const practices = ['P7', 'P8', 'P9', 'P10', 'P12', 'P20', 'P6', 'P13'].filter(has);
        components.push({
          ...base,
          reasons: [...base.reasons, ...practices.map((p) => `${p} as a practice in the service code (${practiceOf[p]})`)],
          role: 'stateless service tier',
          technology: tech('app', 'stateless service instances, autoscaled'),
          count: appNodes * regions,
          primitives: practices,
          sizing: { nodes: appNodes * regions, requestsPerSecPerNode: d.appRequestsPerSecPerNode },
        });
        price('app nodes', appNodes * regions * costs.appNodeUsdPerMonth, `max(${d.statelessNodes}, ⌈(${fmt(peakReads)} + ${fmt(peakWrites)}) requests/s / ${d.appRequestsPerSecPerNode} per node⌉) = ${appNodes}${perRegion} × $${costs.appNodeUsdPerMonth}`);
        break;
      }
      case 'cache': {
        const tight = r.readLatencyMs !== undefined && r.readLatencyMs < d.storeReadP99Ms + 3 * d.hopMs;
        const hitRatio = tight ? d.cacheHitRatioForTightBudget : d.cacheHitRatio;
        const fraction = tight ? d.workingSetFractionForTightBudget : d.workingSetFraction;
        const workingSet = servingGb !== undefined ? servingGb * fraction : d.cacheWorkingSetGbWhenUnknown;
        const memoryGb = workingSet * d.cacheMemoryFactor;
        const shards = Math.max(1, Math.ceil((peakReads * hitRatio) / (CACHE_NODE_OPS * DEFAULT_HEADROOM)), Math.ceil(memoryGb / costs.cacheNodeMemoryGb));
        const perShard = has('P2') ? 2 : 1;
        const nodes = shards * perShard * regions;
        cache = { nodes: shards * perShard, hitRatio };
        components.push({
          ...base,
          role: 'in-memory cache of hot reads',
          technology: tech('cache', 'Redis (or Memcached)'),
          count: nodes,
          primitives: ['P11'],
          sizing: { nodes, shards, hitRatio, workingSetGb: round1(workingSet), memoryGb: round1(memoryGb) },
        });
        price('cache nodes', nodes * costs.cacheNodeUsdPerMonth, `max(⌈${fmt(peakReads)} × ${hitRatio} hits / (${CACHE_NODE_OPS} × 0.7)⌉, ⌈${fmt(round1(memoryGb))} GB (${servingGb === undefined ? `${d.cacheWorkingSetGbWhenUnknown} GB assumed` : `${fmt(servingGb)} GB × ${fraction}`} × ${d.cacheMemoryFactor}) / ${costs.cacheNodeMemoryGb} GB⌉, 1) = ${shards} shards × ${perShard}${perRegion} × $${costs.cacheNodeUsdPerMonth}`);
        break;
      }
      case 'database':
      case 'analytics-store': {
        if (c.id === storeId) {
          const prims = ['P1', 'P2', 'P5', 'P3', 'P4', 'P13', 'P14', 'P19'].filter((p) => has(p) && (p !== 'P5' || consensus));
          const recordTech = c.id === 'database' ? tech('database', 'PostgreSQL') : tech('analytics-store', 'time-series store');
          components.push({
            ...base,
            role: c.id === 'database' ? 'store of record' : 'time-series store of record',
            technology: recordTech,
            count: storeNodes,
            primitives: prims,
            sizing: { partitions, replicas, nodes: storeNodes, ...(servingGb !== undefined ? { dataGb: Math.round(servingGb) } : {}), ...(consensus ? { voters: replicas } : {}) },
          });
          const nodePrice = c.id === 'database' ? costs.databaseNodeUsdPerMonth : costs.analyticsNodeUsdPerMonth;
          price(`${c.id} nodes`, storeNodes * nodePrice, `${partitions} partition${partitions > 1 ? 's' : ''} × ${replicas} replica${replicas > 1 ? 's' : ''}${copies > 1 ? ` × ${copies} regions` : ''} = ${storeNodes} × $${nodePrice}`);
          if (servingGb !== undefined && servingGb > 0) {
            const gb = servingGb * replicas * copies;
            price(`${c.id} storage`, gb * costs.databaseStorageUsdPerGbMonth, `${fmt(Math.round(servingGb))} GB × ${replicas * copies} copies × $${costs.databaseStorageUsdPerGbMonth}/GB`);
          }
          if (selfRun || c.id === 'analytics-store') price(`operating ${c.id}`, costs.operatedServiceUsdPerMonth, `a separately operated distributed store: $${costs.operatedServiceUsdPerMonth}`);
        } else {
          const rawGb = facts.storedGb ?? d.cacheWorkingSetGbWhenUnknown * 10;
          const gb = rawGb / d.analyticsCompression;
          const nodes = Math.max(2, Math.ceil(gb / d.analyticsGbPerNode) * 2);
          components.push({ ...base, role: 'analytics copy for ad hoc queries', technology: tech('analytics-store', 'columnar store (ClickHouse, Druid)'), count: nodes, primitives: has('P19') ? ['P19'] : [], sizing: { nodes, compressedGb: Math.round(gb), ...(r.retentionDays ? { retentionDays: r.retentionDays } : {}) } });
          price('analytics nodes', nodes * costs.analyticsNodeUsdPerMonth, `max(2, ⌈${fmt(Math.round(rawGb))} GB / ${d.analyticsCompression} compression / ${d.analyticsGbPerNode} GB⌉ × 2 replicas) = ${nodes} × $${costs.analyticsNodeUsdPerMonth}`);
          price('operating analytics-store', costs.operatedServiceUsdPerMonth, `a separately operated store: $${costs.operatedServiceUsdPerMonth}`);
        }
        break;
      }
      case 'coordinator': {
        if (r.coordination) {
          components.push({ ...base, role: 'consensus store for election, leases and configuration', technology: tech('coordinator', 'etcd (or ZooKeeper)'), count: 3, primitives: ['P5'], sizing: { voters: 3 } });
          price('coordinator voters', 3 * costs.coordinatorNodeUsdPerMonth, `3 voters × $${costs.coordinatorNodeUsdPerMonth}`);
          price('operating coordinator', costs.operatedServiceUsdPerMonth, `a separately operated consensus store: $${costs.operatedServiceUsdPerMonth}`);
        } else {
          components.push({ ...base, role: 'leader failover, off the data path', technology: tech('coordinator', 'managed failover (e.g. RDS Multi-AZ)'), count: 1, primitives: [], sizing: { failoverSec: d.failoverSec, managed: 'yes' } });
        }
        break;
      }
      case 'search-index': {
        const gb = servingGb ?? d.cacheWorkingSetGbWhenUnknown;
        const nodes = Math.max(2, Math.ceil((gb * 2) / d.searchIndexGbPerNode));
        components.push({ ...base, role: 'full-text index', technology: tech('search-index', 'OpenSearch (or Elasticsearch)'), count: nodes * regions, primitives: ['P4'], sizing: { nodes: nodes * regions, indexGb: Math.round(gb), replicas: 2 } });
        price('search nodes', nodes * regions * costs.searchNodeUsdPerMonth, `max(2, ⌈${fmt(Math.round(gb))} GB × 2 copies / ${d.searchIndexGbPerNode} GB⌉) = ${nodes}${perRegion} × $${costs.searchNodeUsdPerMonth}`);
        break;
      }
      case 'geo-index': {
        const inMemory = peakWrites >= WRITES_PER_PARTITION / 2;
        const nodes = inMemory ? Math.max(2, Math.ceil(peakWrites / (CACHE_NODE_OPS * DEFAULT_HEADROOM))) : 0;
        components.push({ ...base, role: 'spatial index over cells', technology: tech('geo-index', inMemory ? 'in-memory cell index (Redis GEO, H3 or S2 cells)' : 'PostGIS index in the database'), count: Math.max(nodes, 1), primitives: ['P4'], sizing: inMemory ? { nodes, updatesPerSec: Math.round(peakWrites) } : { nodes: 0, where: 'inside the database' } });
        if (nodes > 0) price('geo index nodes', nodes * costs.cacheNodeUsdPerMonth, `max(2, ⌈${fmt(peakWrites)} updates/s / (${CACHE_NODE_OPS} × 0.7)⌉) = ${nodes} × $${costs.cacheNodeUsdPerMonth}`);
        break;
      }
      case 'object-store': {
        const gb = facts.contentTier && facts.storedGb !== undefined ? facts.storedGb : undefined;
        components.push({ ...base, role: 'bodies of files and media', technology: tech('object-store', 'Amazon S3 (or GCS)'), count: 1, primitives: [], sizing: { ...(gb !== undefined ? { storedGb: Math.round(gb) } : { storedGb: 'not given' }), managed: 'yes' } });
        if (gb) price('object storage', gb * costs.objectStorageUsdPerGbMonth, `${fmt(Math.round(gb))} GB × $${costs.objectStorageUsdPerGbMonth}/GB`);
        break;
      }
      case 'log': {
        const eventKb = r.objectSizeKb !== undefined && !facts.contentTier ? r.objectSizeKb : d.eventKbDefault;
        const peakMBps = (peakWrites * eventKb) / 1000;
        const brokers = Math.max(3, Math.ceil((peakMBps * d.logReplication) / d.brokerMBps));
        const days = d.logRetentionDaysDefault;
        const gb = (((r.writesPerSec ?? 0) * eventKb) / 1e6) * 86_400 * days * d.logReplication;
        components.push({ ...base, role: 'durable event log', technology: tech('log', 'Apache Kafka (Amazon MSK)'), count: brokers, primitives: ['P3'], sizing: { brokers, peakMBps: round1(peakMBps), retentionDays: days, storageGb: Math.round(gb) } });
        price('log brokers', brokers * costs.brokerUsdPerMonth, `max(3, ⌈${fmt(round1(peakMBps))} MB/s × ${d.logReplication} copies / ${d.brokerMBps} MB/s⌉) = ${brokers} × $${costs.brokerUsdPerMonth}`);
        if (gb > 0) price('log storage', gb * costs.blockStorageUsdPerGbMonth, `${fmt(r.writesPerSec ?? 0)} events/s × ${fmt(eventKb)} KB × ${days} days × ${d.logReplication} copies = ${fmt(Math.round(gb))} GB × $${costs.blockStorageUsdPerGbMonth}`);
        break;
      }
      case 'workers': {
        const items = Math.max(facts.fanOutChoice ? facts.deliveriesPerSec ?? 0 : 0, peakWrites);
        const nodes = Math.max(2, Math.ceil(items / d.workerItemsPerSec));
        components.push({ ...base, role: 'background workers', technology: tech('workers', 'consumer workers'), count: nodes, primitives: has('P3') ? ['P3'] : [], sizing: { nodes, itemsPerSec: Math.round(items) } });
        price('worker nodes', nodes * costs.appNodeUsdPerMonth, `max(2, ⌈${fmt(Math.round(items))} items/s / ${d.workerItemsPerSec} per worker⌉) = ${nodes} × $${costs.appNodeUsdPerMonth}`);
        break;
      }
      case 'dependencies':
        components.push({ ...base, role: 'downstream services called synchronously', technology: 'other teams\' services', count: r.dependencies ?? 0, primitives: ['P9'].filter(has), sizing: { calls: r.dependencies ?? 0 } });
        break;
    }
  }

  if (regions > 1 && (r.writesPerSec ?? 0) > 0) {
    const kb = r.objectSizeKb ?? d.eventKbDefault;
    const gb = (((r.writesPerSec ?? 0) * kb) / 1e6) * SECONDS_PER_MONTH * (regions - 1);
    price('cross-region replication', gb * costs.crossRegionUsdPerGb, `${fmt(r.writesPerSec ?? 0)} writes/s × ${fmt(kb)} KB × ${SECONDS_PER_MONTH} s × ${regions - 1} other regions = ${fmt(Math.round(gb))} GB × $${costs.crossRegionUsdPerGb}`);
  }

  return {
    architecture: { components, edges: edgesOf(ids, storeId) },
    costItems: costItems.filter((c) => c.usd > 0).sort((a, b) => b.usd - a.usd),
    store: { id: storeId, partitions, replicas, quorum, consensus, nodes: storeNodes },
    appNodes,
    ...(cache ? { cache } : {}),
    dependenciesOffPath: has('P9') && r.unreliableDependencies === true,
  };
}

const practiceOf: Record<string, string> = {
  P7: 'an idempotency key on every mutating request',
  P8: 'retries with backoff, jitter and a budget',
  P9: 'circuit breakers with fallbacks',
  P10: 'separate pools per tenant or dependency',
  P12: 'a queue or waiting room that sheds what cannot be served',
  P20: 'feature flags',
  P6: 'sequence numbers per conversation or document',
  P13: 'short-lived holds on contended items, taken per item',
};

function round1(v: number): number {
  return Math.round(v * 10) / 10;
}

/** The arrows between the chosen components. */
function edgesOf(ids: ReadonlySet<ComponentId>, store: ComponentId): Edge[] {
  const edges: Edge[] = [];
  const link = (from: ComponentId, to: ComponentId, label?: string) => {
    if (ids.has(from) && ids.has(to)) edges.push({ from, to, ...(label ? { label } : {}) });
  };
  link('clients', 'cdn', 'static bodies');
  link('cdn', 'object-store', 'origin');
  link('clients', 'entry', 'requests');
  link('entry', 'app');
  link('app', 'cache', 'hot reads');
  link('app', store, 'reads and writes');
  link(store, 'coordinator', 'failover');
  link('app', 'coordinator', 'leases');
  link('app', 'search-index', 'search');
  link('app', 'geo-index', 'nearby');
  link('app', 'object-store', 'uploads');
  link('app', 'log', 'events');
  link('log', 'workers', 'consume');
  link('workers', 'cache', 'timelines');
  link('workers', 'object-store', 'processed media');
  link('workers', 'search-index', 'index updates');
  link('workers', 'analytics-store', 'load');
  link('log', 'analytics-store', 'ingest');
  link('app', 'dependencies', 'sync calls');
  return edges;
}

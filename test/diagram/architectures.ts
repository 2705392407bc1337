import type { ArchitectureView } from '../../src/diagram/diagram-model.ts';

/** Hand-made architectures in the shape of `assessment.architecture`, for drawing tests. */
export const ledger: ArchitectureView = {
  components: [
    { id: 'clients', role: 'Clients', technology: 'payment API callers', count: 1, primitives: [], sizing: {} },
    { id: 'entry', role: 'Load balancer', technology: 'managed L7 load balancer', count: 2, primitives: [], sizing: {} },
    { id: 'app', role: 'Ledger service', technology: 'stateless service', count: 4, primitives: ['P7'], sizing: { nodes: 4 } },
    { id: 'ledger-db', role: 'Ledger store', technology: 'CockroachDB', count: 60, primitives: ['P1', 'P2', 'P5'], sizing: { partitions: 20, replicas: 3, dataGb: 2000 } },
    { id: 'events', role: 'Event log', technology: 'Kafka', count: 3, primitives: ['P8', 'P9'], sizing: { partitions: 12, retentionDays: 7 } },
    { id: 'audit', role: 'Audit workers', technology: 'consumer group', count: 2, primitives: [], sizing: {} },
  ],
  edges: [
    { from: 'clients', to: 'entry', label: 'HTTPS' },
    { from: 'entry', to: 'app' },
    { from: 'app', to: 'ledger-db', label: 'txn writes' },
    { from: 'app', to: 'events', label: 'outbox relay' },
    { from: 'events', to: 'audit' },
  ],
};

export const feed: ArchitectureView = {
  components: [
    { id: 'clients', role: 'Clients', technology: 'mobile and web apps', count: 1, primitives: [], sizing: {} },
    { id: 'cdn', role: 'CDN', technology: 'CloudFront', count: 1, primitives: [], sizing: {} },
    { id: 'entry', role: 'Load balancer', technology: 'managed load balancer', count: 2, primitives: [], sizing: {} },
    { id: 'app', role: 'Feed service', technology: 'stateless service', count: 6, primitives: [], sizing: {} },
    { id: 'cache', role: 'Timeline cache', technology: 'Redis', count: 4, primitives: ['P11'], sizing: { memoryGb: 256, hitRatio: 0.95 } },
    { id: 'posts', role: 'Post store', technology: 'Cassandra', count: 9, primitives: ['P1', 'P2'], sizing: { partitions: 3, replicas: 3 } },
    { id: 'media', role: 'Object store', technology: 'S3', count: 1, primitives: [], sizing: { dataGb: 50000 } },
    { id: 'fanout', role: 'Fan-out workers', technology: 'queue consumers', count: 8, primitives: ['P8'], sizing: {} },
  ],
  edges: [
    { from: 'clients', to: 'cdn', label: 'images' },
    { from: 'clients', to: 'entry' },
    { from: 'cdn', to: 'media' },
    { from: 'entry', to: 'app' },
    { from: 'app', to: 'cache', label: 'read timeline' },
    { from: 'app', to: 'posts', label: 'write post' },
    { from: 'app', to: 'fanout', label: 'post event' },
    { from: 'fanout', to: 'cache', label: 'push to followers' },
  ],
};

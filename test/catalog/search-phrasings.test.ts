import { afterAll, describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch } from '../../src/catalog/search.ts';

/** How people actually ask, and the entry that must come first. Reviewed like code. */
const phrasings: Array<[query: string, expected: string]> = [
  // exact ids, names and aliases
  ['P7', 'P7'],
  ['p7', 'P7'],
  ['P 7', 'P7'],
  ['L2', 'littles-law'],
  ['M1', 'outbox'],
  ['outbox', 'outbox'],
  ['CQRS', 'cqrs'],
  ['Circuit Breaker', 'P9'],
  ['consistent hashing', 'P1'],
  ['idempotency key', 'P7'],
  ['five nines', 'HighAvailability'],
  ['2PC', 'saga'],
  ['two phase commit', 'saga'],
  ['raft', 'P5'],
  ['Kafka', 'P3'],
  ['WAL', 'P14'],
  ['CDC', 'P19'],
  ['strong consistency', 'LinearizableWrite'],
  ['exactly once', 'ExactlyOnceEffect'],
  ['tail latency', 'tail-at-scale'],
  // case, punctuation, possessives, plurals, word order
  ['littles law', 'littles-law'],
  ["Little's law", 'littles-law'],
  ['amdahl', 'amdahls-law'],
  ['Brooks law', 'brooks-law'],
  ['read your writes', 'ReadYourWrites'],
  ['read-your-writes', 'ReadYourWrites'],
  ['vector clocks', 'P17'],
  ['hedged requests', 'hedged-request'],
  ['sagas', 'saga'],
  ['scatter gather', 'scatter-gather'],
  ['leader follower', 'leader-follower'],
  ['breaker circuit', 'P9'],
  // questions and filler words
  ['what is the outbox pattern?', 'outbox'],
  ['what is CAP?', 'cap-theorem'],
  ['tell me about sagas', 'saga'],
  ['explain raft', 'P5'],
  ['how does consensus work', 'P5'],
  ['how does gossip work?', 'P18'],
  ['what is event sourcing', 'event-sourcing'],
  ['explain the bulkhead pattern', 'bulkhead'],
  ['what is universal scalability law', 'universal-scalability-law'],
  // typos
  ['circut breaker', 'P9'],
  ['consitent hashing', 'P1'],
  ['idempotancy', 'P7'],
  ['bloom filtr', 'P15'],
  ['merkel tree', 'P16'],
  ['load sheding', 'P12'],
  ['replicaton', 'P2'],
  ['metcalf law', 'metcalfes-law'],
  ['eventual consistancy', 'EventualConsistency'],
  // pitfalls, case studies, obligations, paths
  ['dual writes', 'dual-writes'],
  ['cache stampede', 'cache-stampede'],
  ['split brain', 'even-node-consensus'],
  ['netflix', 'netflix-streaming'],
  ['beginner', 'beginner'],
];

const catalog = loadCatalog();
const search = createSearch(catalog);
let hits = 0;

describe('lookup phrasings against the real catalog', () => {
  it('expects only ids that exist', () => {
    for (const [, id] of phrasings) expect(catalog.get(id), id).toBeDefined();
  });

  it.each(phrasings)('"%s" finds %s first', (query, expected) => {
    const top = search.lookup(query).results[0];
    if (top?.id === expected) hits++;
    expect(top?.id).toBe(expected);
  });

  afterAll(() => {
    console.log(`lookup hit rate: ${hits}/${phrasings.length} (${((100 * hits) / phrasings.length).toFixed(1)}%)`);
  });
});

import type { WordsRead } from '../../rules/parse-requirements.ts';
import { formatValue } from '../format-value.ts';
import type { Reply } from '../reply.ts';

const words: Record<string, string> = {
  domain: 'domain', consistency: 'consistency', stalenessBoundSec: 'staleness', readsPerSec: 'reads', writesPerSec: 'writes',
  peakFactor: 'peak', dataSizeGb: 'data', availability: 'availability', nodeAvailability: 'node availability', replicas: 'replicas',
  readLatencyMs: 'p99 read', writeLatencyMs: 'p99 write', regions: 'regions', rpoSec: 'RPO', rtoSec: 'RTO', budgetUsdPerMonth: 'budget',
  ordering: 'ordering', exactlyOnce: 'exactly-once', auditTrail: 'audit trail', eventSourcing: 'event sourcing',
  crossServiceTransaction: 'cross-service transaction', publishesEvents: 'publishes events', multiTenant: 'multi-tenant',
  highContention: 'high contention', progressiveRollout: 'progressive rollout', unreliableDependencies: 'unreliable dependencies',
  queryShapes: 'query shapes', search: 'search', geoQueries: 'geo queries', adHocQueries: 'ad hoc queries', staticContent: 'static content',
  objectSizeKb: 'item size', hotKeys: 'hot keys', fanOut: 'fan-out', retentionDays: 'retention', dependencies: 'dependencies',
  availabilityZones: 'zones', coordination: 'coordination',
};
const extraUnits: Record<string, string> = { objectSizeKb: ' KB', retentionDays: ' days' };

/** One requirement as the "I read" line shows it: "writes 3,000/s", "multi-tenant: no". */
export function describeReading(field: string, value: unknown): string {
  const name = words[field] ?? field;
  if (typeof value === 'boolean') return `${name}: ${value ? 'yes' : 'no'}`;
  return `${name} ${formatValue(field, value)}${extraUnits[field] ?? ''}`;
}

/**
 * "I read: …" — what was understood from words, in the order it was said, with the bound a range took and the
 * words that were skipped, and how to correct any of it. Carries `requirements` (interface.md, chat --json).
 */
export function readReply(read: WordsRead, options: { name?: string } = {}): Reply {
  const parts = read.readings.map((r) => describeReading(r.field, r.value) + (r.note ? ` (${r.note})` : ''));
  const lines = [`I read: ${parts.length > 0 ? parts.join(' · ') : 'no requirement I could use'}${options.name ? `, for "${options.name}"` : ''}.`];
  if (read.skipped.length > 0) lines.push(`I skipped: ${read.skipped.slice(0, 5).join('; ')}${read.skipped.length > 5 ? ` and ${read.skipped.length - 5} more` : ''}.`);
  const first = read.readings[0];
  if (first) lines.push(`Anything wrong? Say it again in words, or set it, e.g. set ${first.field} ${formatValue(first.field, first.value).replace(/ USD\/month$/, '').replace(/\/s$/, '')}.`);
  return { kind: 'info', text: lines.join('\n'), requirements: read.requirements };
}

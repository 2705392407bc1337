import { normalizeId } from '../../catalog/catalog.ts';
import { consistencies, domains, orderings } from '../requirements.ts';
import { closest } from './closest.ts';
import { badValue, prepare, quote } from './text.ts';

/** The requirement fields whose value is one of a fixed set. */
export type EnumField = 'domain' | 'consistency' | 'ordering';

/** The allowed values of each enum field, as requirements.ts lists them. */
export const enumValues: Record<EnumField, readonly string[]> = { domain: domains, consistency: consistencies, ordering: orderings };

/** Words people use for each allowed value (matched with case and punctuation ignored). */
export const enumSynonyms: Record<EnumField, Record<string, readonly string[]>> = {
  domain: {
    financial: ['finance', 'fintech', 'payments', 'payment', 'banking', 'bank', 'ledger', 'trading', 'money', 'wallet'],
    ecommerce: ['e-commerce', 'shop', 'shopping', 'retail', 'checkout', 'inventory', 'store', 'marketplace', 'orders', 'cart'],
    social: ['social network', 'social media', 'feed', 'news feed', 'timeline', 'likes'],
    analytics: ['reporting', 'metrics', 'bi', 'dashboards', 'data warehouse', 'olap', 'clickstream'],
    messaging: ['chat', 'messages', 'messenger', 'im', 'instant messaging', 'notifications'],
    iot: ['telemetry', 'sensors', 'sensor', 'devices', 'internet of things', 'fleet'],
    gaming: ['games', 'game', 'leaderboard', 'leaderboards', 'multiplayer'],
    content: ['media', 'cms', 'video', 'blog', 'news', 'publishing', 'streaming media'],
    general: ['other', 'generic', 'none', 'misc'],
  },
  consistency: {
    linearizable: ['strong', 'strongly consistent', 'strong consistency', 'linearisable', 'linearizability', 'strict', 'atomic', 'cp'],
    serializable: ['serialisable', 'serializability', 'acid', 'transactional', 'strict serializable'],
    causal: ['causally consistent', 'causal consistency', 'causality'],
    'read-your-writes': ['ryw', 'read my writes', 'session', 'session consistency', 'read your own writes'],
    'bounded-staleness': ['bounded', 'bounded stale', 'stale but bounded', 'staleness bound'],
    eventual: ['eventually consistent', 'eventual consistency', 'weak', 'relaxed', 'ap', 'ec'],
  },
  ordering: {
    none: ['no', 'no ordering', 'unordered', 'any', 'any order', 'dont care', 'not needed'],
    'per-key': ['per key', 'partition', 'per partition', 'per entity', 'key', 'per-key order', 'per key ordering', 'fifo per key', 'per user', 'per account'],
    causal: ['causal order', 'causal ordering', 'causally ordered', 'happens before'],
    total: ['total order', 'total ordering', 'global', 'global order', 'globally ordered', 'strict order', 'sequential', 'fifo'],
  },
};

const lookup = new Map<EnumField, Map<string, string>>(
  (Object.keys(enumSynonyms) as EnumField[]).map((field) => {
    const words = new Map<string, string>();
    for (const [value, synonyms] of Object.entries(enumSynonyms[field])) {
      words.set(normalizeId(value), value);
      for (const synonym of synonyms) words.set(normalizeId(synonym), value);
    }
    return [field, words];
  }),
);

/** The allowed value this word names, or undefined (no error). */
export function matchEnum(field: EnumField, text: string): string | undefined {
  return lookup.get(field)?.get(normalizeId(text));
}

/** Reads one value of an enum field, accepting synonyms (`payments` → financial, `per key` → per-key). */
export function parseEnum(field: EnumField, text: string): string {
  const allowed = enumValues[field];
  const prepared = prepare(text, field, allowed[0] ?? '');
  const value = matchEnum(field, prepared);
  if (value !== undefined) return value;
  const near = closest(prepared, [...lookup.get(field)?.keys() ?? []]).map((word) => matchEnum(field, word) ?? word);
  const suggestions = [...new Set(near)];
  throw badValue(
    `${quote(text)} is not a ${field} I know; choose one of ${allowed.join(', ')}` +
      (suggestions.length > 0 ? ` (did you mean ${suggestions.join(' or ')}?)` : ''),
  );
}

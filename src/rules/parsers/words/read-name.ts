import { clauseText, type Clause } from './clauses.ts';
import { isPercentile } from './keywords.ts';
import type { Token } from './tokens.ts';

const set = (...words: string[]): ReadonlySet<string> => new Set(words);

/** Words before the thing's name: greetings and "we're building a …". */
const LEAD = set(
  'hi', 'hey', 'hello', 'quorum', 'so', 'ok', 'okay', 'well', 'um', 'oh', 'yo', 'we', 'were', 'i', 'im', 'am', 'are', 'is', 'its', 'it', 'this',
  'thats', 'building', 'build', 'making', 'make', 'designing', 'design', 'need', 'needs', 'want', 'have', 'got', 'planning', 'working', 'on',
  'a', 'an', 'the', 'our', 'my', 'new', 'currently', 'basically', 'just', 'trying', 'to', 'create', 'creating', 'writing', 'developing',
  'run', 'running', 'operate', 'operating', 'own', 'team', 'about', 'for', 'called', 'named', 'lets', 'let', 'us', 'please',
);
/** Words after the name: what follows describes it. */
const STOP = set(
  'for', 'with', 'that', 'which', 'where', 'who', 'serving', 'serves', 'handling', 'handles', 'doing', 'at', 'in', 'on', 'of', 'to', 'from', 'using',
  'running', 'and', 'but', 'needs', 'needing', 'must', 'should', 'will', 'has', 'have', 'is', 'are', 'via', 'over', 'across', 'when', 'like',
  'ingesting', 'storing', 'holding', 'processing', 'taking', 'spanning', 'around', 'about', 'we', 'it', 'its', 'by', 'under', 'within',
);
/** Words that open a requirement, not a name ("p99 under 50 ms", "budget is tight", "no search"). */
const NOT_IN_NAME = set(
  'no', 'not', 'never', 'without', 'non', 'dont', 'doesnt', 'isnt', 'arent', 'wont', 'none', 'between', 'rate', 'rates', 'monthly', 'volume',
  'quick', 'reads', 'read', 'writes', 'write', 'budget', 'sla', 'slo', 'peak', 'peaks', 'latency', 'availability', 'uptime', 'rpo', 'rto',
  'data', 'regions', 'region', 'replicas', 'strong', 'strongly', 'eventual', 'eventually', 'ordering', 'consistency', 'multi', 'single',
  'one', 'two', 'three', 'four', 'five', 'normally', 'retention', 'throughput', 'traffic', 'load', 'qps', 'rps', 'tps', 'wps', 'storage',
);
/** A one-word "name" that only describes ("make it cheap"). */
const NOT_A_NAME = set('financial', 'ecommerce', 'social', 'analytics', 'messaging', 'iot', 'gaming', 'content', 'general', 'cheap', 'quick', 'fast', 'small', 'big', 'simple', 'tiny', 'large', 'one', 'thing', 'stuff', 'system', 'app', 'service');

/**
 * The name a description gives its system: the noun phrase it opens with, after greetings and
 * "we're building a" ("a payments ledger, …" → "Payments ledger"). `taken` holds tokens another reading
 * used (a rate, a negation …): a phrase holding one is not a name.
 */
export function readName(clauses: Clause[], taken: (t: Token) => boolean): string | undefined {
  for (const clause of clauses.slice(0, 3)) {
    const t = clause.tokens;
    let i = 0;
    while (i < t.length && (LEAD.has(t[i]!.lower) || t[i]!.kind === 'symbol')) i++;
    if (i === t.length) continue;
    const from = i;
    let words = 0;
    while (i < t.length && words < 5) {
      const token = t[i]!;
      if (token.kind === 'symbol' && !(token.text === '-' && token.glued)) break;
      if (token.kind === 'number' || STOP.has(token.lower) || taken(token)) break;
      if (token.kind === 'word') words++;
      i++;
    }
    if (words === 0) return undefined;
    if (t.slice(from, i).some((x) => NOT_IN_NAME.has(x.lower) || isPercentile(x.lower))) return undefined;
    const head = clauseText(clause, from, i).replace(/-$/, '');
    if (words === 1 && NOT_A_NAME.has(t[from]!.lower)) return undefined;
    return head.charAt(0).toUpperCase() + head.slice(1);
  }
  return undefined;
}

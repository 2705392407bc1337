/** The catalog kinds that have a chat command of their own: `law <q>`, `patterns`, … */
export type LookupKind = 'law' | 'pattern' | 'primitive' | 'capability';

/** Each kind's command word, singular and plural. */
export const kindWords: Readonly<Record<string, LookupKind>> = {
  law: 'law',
  laws: 'law',
  pattern: 'pattern',
  patterns: 'pattern',
  primitive: 'primitive',
  primitives: 'primitive',
  capability: 'capability',
  capabilities: 'capability',
};

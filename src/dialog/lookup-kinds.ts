import type { LookupKind } from './door.ts';

export type { LookupKind } from './door.ts';

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

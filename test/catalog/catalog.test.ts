import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { isUserError, type UserError } from '../../src/errors.ts';
import { fixtureCounts, fixtureDir } from './broken-copy.ts';

const mini = loadCatalog(fixtureDir, fixtureCounts);
const real = loadCatalog();

describe('the loaded catalog', () => {
  it('has exactly 15 laws, 30 capabilities, 20 primitives, 15 patterns and 3 paths', () => {
    expect(real.list('law')).toHaveLength(15);
    expect(real.list('capability')).toHaveLength(30);
    expect(real.list('primitive')).toHaveLength(20);
    expect(real.list('pattern')).toHaveLength(15);
    expect(real.list('path').map((p) => p.id)).toEqual(['beginner', 'intermediate', 'advanced']);
    for (const kind of ['pitfall', 'case-study', 'obligation'] as const) expect(real.list(kind).length).toBeGreaterThan(0);
  });

  it('lists entries in catalog order', () => {
    expect(real.list('primitive').map((p) => p.id)).toEqual(Array.from({ length: 20 }, (_, i) => `P${i + 1}`));
    expect(real.list('law')[0]!.id).toBe('cap-theorem');
    expect(real.list('pattern').at(-1)!.id).toBe('shadow');
  });

  it('finds entries by id case-insensitively, ignoring punctuation', () => {
    expect(mini.get('Out-Box')?.id).toBe('outbox');
    expect(mini.get('linearizable_write')?.id).toBe('LinearizableWrite');
    expect(mini.get('p2')?.name).toBe('Replication');
    expect(mini.get('nope')).toBeUndefined();
  });

  it('throws a user error with suggestions when a required id is unknown', () => {
    let caught: unknown;
    try {
      real.require('circut-breaker');
    } catch (err) {
      caught = err;
    }
    expect(isUserError(caught)).toBe(true);
    expect((caught as UserError).code).toBe('unknown_id');
    expect((caught as UserError).suggestions?.[0]).toBe('P9');
  });

  it('knows which pitfalls, case studies, obligations and paths reference an entry', () => {
    expect(mini.referencing('outbox').map((e) => e.id)).toEqual(['dual-writes', 'outbox-proof', 'beginner']);
    expect(mini.referencing('P2').map((e) => e.id)).toEqual(['netflix']);
    expect(mini.referencing('ElasticScale')).toEqual([]);
  });
});

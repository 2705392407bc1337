import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/catalog/catalog-error.ts';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { thrownBy } from '../helpers/thrown.ts';
import { brokenCopy, byId, fixtureCounts } from './broken-copy.ts';

function problemsOf(dir: string): readonly string[] {
  return thrownBy(CatalogError, () => loadCatalog(dir, fixtureCounts)).problems;
}

describe('problem words of the catalog', () => {
  it('gives every law, capability, primitive, pattern and pitfall of the real catalog the words teams use', () => {
    const catalog = loadCatalog();
    const core = catalog.entries.filter((e) => ['law', 'capability', 'primitive', 'pattern', 'pitfall'].includes(e.kind));
    expect(core.length).toBe(132);
    for (const entry of core) expect(catalog.problemWords(entry.id), entry.id).toBeDefined();
    expect(catalog.problemWords('p7')?.problems).toContain('double charge');
  });

  it('rejects a record for an id that is not in the catalog', () => {
    const dir = brokenCopy('problems.json', (records) => [...records, { id: 'no-such-entry', problems: ['anything at all'] }]);
    expect(problemsOf(dir)).toContain('problems.json: no-such-entry: names no catalog entry');
  });

  it('rejects an entry of a covered kind that has no problem words', () => {
    const dir = brokenCopy('problems.json', (records) => records.filter((r) => r.id !== 'outbox'));
    expect(problemsOf(dir)).toContain('problems.json: pattern outbox has no problem words');
  });

  it('rejects a repeated phrase, a missing answer and an unknown alternative, naming each', () => {
    const dir = brokenCopy('problems.json', (records) => {
      byId(records, 'P1').symptoms = ['too many writes for one database'];
      delete byId(records, 'P2').answer;
      byId(records, 'P3').alternatives = ['P99'];
    });
    expect(problemsOf(dir)).toEqual(
      expect.arrayContaining([
        'problems.json: P1: repeats "too many writes for one database"',
        'problems.json: P2: a primitive needs "answer"',
        'problems.json: P3: alternative P99 is not in the catalog',
      ]),
    );
  });

  it('rejects a record with an unknown field or an empty phrase', () => {
    const dir = brokenCopy('problems.json', (records) => {
      byId(records, 'P1').tags = ['x'];
      byId(records, 'P2').problems = [''];
    });
    expect(problemsOf(dir)).toEqual([
      'problems.json: record 9: (record): Unrecognized key: "tags"',
      'problems.json: record 10: problems.0: Too small: expected string to have >=2 characters',
    ]);
  });

  it('reports a missing problems file as missing', () => {
    const dir = brokenCopy('problems.json', () => undefined);
    rmSync(join(dir, 'problems.json'));
    expect(problemsOf(dir)).toContain('problems.json: file is missing');
  });
});

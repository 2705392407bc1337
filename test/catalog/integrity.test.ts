import { mkdtempSync, cpSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CatalogError } from '../../src/catalog/catalog-error.ts';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { thrownBy } from '../helpers/thrown.ts';
import { brokenCopy, byId, fixtureCounts, fixtureDir } from './broken-copy.ts';

/** Loads a catalog that must fail, and returns the problems it reported. */
function problemsOf(dir: string): readonly string[] {
  return thrownBy(CatalogError, () => loadCatalog(dir, fixtureCounts)).problems;
}

describe('catalog integrity checks', () => {
  it('loads the intact fixture without problems', () => {
    expect(loadCatalog(fixtureDir, fixtureCounts).entries).toHaveLength(17);
  });

  it('rejects a file with the wrong number of entries, naming the file', () => {
    const dir = brokenCopy('laws.json', (laws) => laws.slice(0, 2));
    expect(problemsOf(dir)).toContain('laws.json: has 2 entries, expected exactly 3');
  });

  it('rejects the real counts on the small fixture', () => {
    expect(() => loadCatalog(fixtureDir)).toThrow(/patterns\.json: has 2 entries, expected exactly 15/);
  });

  it('rejects an entry whose kind does not match its file', () => {
    const dir = brokenCopy('pitfalls.json', (pitfalls) => {
      byId(pitfalls, 'dual-writes').kind = 'case-study';
      byId(pitfalls, 'dual-writes').scale = 'any';
      delete byId(pitfalls, 'dual-writes').severity;
      delete byId(pitfalls, 'dual-writes').symptoms;
      delete byId(pitfalls, 'dual-writes').fix;
    });
    expect(problemsOf(dir)).toContain('pitfalls.json: dual-writes (entry 1): kind is "case-study", but pitfalls.json holds pitfall entries');
  });

  it('reports schema errors with file, entry id and field', () => {
    const dir = brokenCopy('primitives.json', (prims) => {
      byId(prims, 'P2').plane = 'cloud';
      delete byId(prims, 'P3').trigger;
    });
    const problems = problemsOf(dir);
    expect(problems.some((p) => p.startsWith('primitives.json: P2 (entry 2): plane:'))).toBe(true);
    expect(problems.some((p) => p.startsWith('primitives.json: P3 (entry 3): trigger:'))).toBe(true);
  });

  it('reports a file that is missing or not JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-catalog-'));
    cpSync(fixtureDir, dir, { recursive: true });
    rmSync(join(dir, 'obligations.json'));
    writeFileSync(join(dir, 'paths.json'), '[{ nope');
    const problems = problemsOf(dir);
    expect(problems).toContain('obligations.json: file is missing');
    expect(problems.some((p) => p.startsWith('paths.json: cannot be read as JSON'))).toBe(true);
  });

  it('rejects the same id twice, even spelled differently', () => {
    const dir = brokenCopy('pitfalls.json', (pitfalls) => [...pitfalls, { ...byId(pitfalls, 'dual-writes'), id: 'Outbox', aliases: [], name: 'Other' }]);
    expect(problemsOf(dir)).toContain('pitfalls.json: Outbox: duplicate id, already used by outbox in patterns.json');
  });

  it('rejects an alias that is another entry’s name', () => {
    const dir = brokenCopy('pitfalls.json', (pitfalls) => {
      byId(pitfalls, 'dual-writes').aliases = ['dual write', 'Durable log'];
    });
    expect(problemsOf(dir)).toContain('pitfalls.json: dual-writes: alias "Durable log" collides with name "Durable Log" of P3 (primitives.json)');
  });

  it('rejects a reference to an id that does not exist', () => {
    const dir = brokenCopy('patterns.json', (patterns) => {
      byId(patterns, 'outbox').primitives = ['P3', 'P99'];
    });
    expect(problemsOf(dir)).toContain('patterns.json: outbox: primitives names P99, which is not in the catalog');
  });

  it('rejects a reference to an entry of the wrong kind', () => {
    const dir = brokenCopy('laws.json', (laws) => {
      byId(laws, 'tail-at-scale').constrains = ['dual-writes'];
    });
    expect(problemsOf(dir)).toContain(
      'laws.json: tail-at-scale: constrains names dual-writes, which is a pitfall (pitfalls.json), expected capability or primitive or pattern',
    );
  });

  it('rejects a path step naming an unknown entry', () => {
    const dir = brokenCopy('paths.json', (paths) => {
      (byId(paths, 'beginner').steps as Array<{ entries: string[] }>)[1]!.entries.push('nope');
    });
    expect(problemsOf(dir)).toContain('paths.json: beginner: steps[2] "Building blocks" names nope, which is not in the catalog');
  });

  it('rejects providedBy that the primitive does not mirror in provides', () => {
    const dir = brokenCopy('capabilities.json', (caps) => {
      byId(caps, 'ElasticScale').providedBy = ['P1', 'P2'];
    });
    expect(problemsOf(dir)).toContain(
      'capabilities.json: ElasticScale: providedBy names P2, but P2 (primitives.json) does not list ElasticScale in provides',
    );
  });

  it('rejects provides that the capability does not mirror in providedBy', () => {
    const dir = brokenCopy('primitives.json', (prims) => {
      byId(prims, 'P1').provides = ['ElasticScale', 'FullAuditTrail'];
    });
    expect(problemsOf(dir)).toContain(
      'primitives.json: P1: provides names FullAuditTrail, but FullAuditTrail (capabilities.json) does not list P1 in providedBy',
    );
  });

  it('rejects one-sided excludes and conflicts', () => {
    const caps = brokenCopy('capabilities.json', (list) => {
      byId(list, 'HighAvailability').excludes = [];
    });
    expect(problemsOf(caps)).toContain(
      'capabilities.json: LinearizableWrite: excludes names HighAvailability, but HighAvailability (capabilities.json) does not list LinearizableWrite in excludes',
    );
    const prims = brokenCopy('primitives.json', (list) => {
      byId(list, 'P3').conflicts = [];
    });
    expect(problemsOf(prims)).toContain('primitives.json: P1: conflicts names P3, but P3 (primitives.json) does not list P1 in conflicts');
  });

  it('rejects laws, patterns and primitives out of order', () => {
    const laws = brokenCopy('laws.json', (list) => [list[1]!, list[0]!, list[2]!]);
    expect(problemsOf(laws)).toContain('laws.json: littles-law (entry 1): number is L2, expected L1 (laws must be in order L1–L15)');
    const patterns = brokenCopy('patterns.json', (list) => {
      byId(list, 'event-sourcing').number = 'M3';
    });
    expect(problemsOf(patterns)).toContain(
      'patterns.json: event-sourcing (entry 2): number is M3, expected M2 (patterns must be in order M1–M15)',
    );
    const prims = brokenCopy('primitives.json', (list) => [list[0]!, list[2]!, list[1]!]);
    expect(problemsOf(prims)).toContain('primitives.json: P3 (entry 2): expected id P2 (primitives must be in order P1–P20)');
  });

  it('reports every problem at once, not only the first', () => {
    const dir = brokenCopy('patterns.json', (patterns) => {
      byId(patterns, 'outbox').primitives = ['P98'];
      byId(patterns, 'event-sourcing').primitives = ['P99'];
    });
    const problems = problemsOf(dir);
    expect(problems.filter((p) => p.includes('which is not in the catalog'))).toHaveLength(2);
    expect(() => loadCatalog(dir, fixtureCounts)).toThrow(/has 2 problems/);
  });
});

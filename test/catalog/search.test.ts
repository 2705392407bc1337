import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch, searchOf } from '../../src/catalog/search.ts';
import { fixtureCounts, fixtureDir } from './broken-copy.ts';

const catalog = loadCatalog(fixtureDir, fixtureCounts);
const search = createSearch(catalog);
const top = (query: string): string | undefined => search.lookup(query).results[0]?.id;

describe('catalog search', () => {
  it('scores an exact id, name or alias as 1, whatever the case and punctuation', () => {
    for (const q of ['P3', 'durable log', 'DURABLE-LOG', 'commit log', 'littles law', "Little's Law", 'L = λW']) {
      expect(search.lookup(q).results[0]?.score, q).toBe(1);
    }
  });

  it('reads ids written with a space or by number', () => {
    expect(top('p 2')).toBe('P2');
    expect(top('L2')).toBe('littles-law');
    expect(top('M2')).toBe('event-sourcing');
  });

  it('ignores filler words, word order and plurals', () => {
    expect(top('what is the outbox pattern?')).toBe('outbox');
    expect(top('tell me about event sourcing')).toBe('event-sourcing');
    expect(top('log durable')).toBe('P3');
    expect(top('partitionings')).toBe('P1');
  });

  it('tolerates typos', () => {
    expect(top('replicaton')).toBe('P2');
    expect(top('consitent hashing')).toBe('P1');
    expect(top('transactonal outbox')).toBe('outbox');
  });

  it('finds entries by words of their summary', () => {
    expect(search.lookup('append-only').results.map((r) => r.id)).toContain('P3');
  });

  it('keeps scores between 0 and 1, best first, within the limit', () => {
    const { results } = search.lookup('log', { limit: 2 });
    expect(results.length).toBeLessThanOrEqual(2);
    for (const r of results) expect(r.score).toBeGreaterThan(0);
    for (const r of results) expect(r.score).toBeLessThanOrEqual(1);
    expect([...results].sort((a, b) => b.score - a.score)).toEqual(results);
  });

  it('restricts results to the kinds asked for', () => {
    const { results } = search.lookup('outbox', { kinds: ['obligation'] });
    expect(results.map((r) => r.id)).toEqual(['outbox-proof']);
  });

  it('offers the closest names when nothing matches', () => {
    const { results, suggestions } = search.lookup('replicashun factor zzz');
    expect(results.every((r) => r.score < 0.6)).toBe(true);
    expect(suggestions.length).toBeGreaterThan(0);
    const nonsense = search.lookup('xyzzy-plugh');
    expect(nonsense.results).toEqual([]);
    expect(nonsense.suggestions.length).toBeGreaterThan(0);
    expect(search.lookup('qqqq').suggestions.length).toBeGreaterThan(0);
  });

  it('leaves suggestions empty when the top hit is strong', () => {
    expect(search.lookup('outbox').suggestions).toEqual([]);
  });

  it('returns nothing for a query without letters or digits', () => {
    expect(search.lookup(' ?! ')).toEqual({ results: [], suggestions: [] });
  });

  it('shares one search per catalog', () => {
    expect(searchOf(catalog)).toBe(searchOf(catalog));
  });
});

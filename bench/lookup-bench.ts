import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { normalizeId, type Catalog } from '../src/catalog/catalog.ts';
import { createSearch } from '../src/catalog/search.ts';
import { figure, type Figure } from './lib/figures.ts';
import { pick, seededRandom, summarize, timeEachSync } from './lib/stats.ts';

/** A misspelling of `word`: one letter dropped, doubled or swapped with its neighbour. */
function typo(word: string, random: () => number): string {
  if (word.length < 4) return `${word}${word.at(-1)}`;
  const at = 1 + Math.floor(random() * (word.length - 2));
  const kind = Math.floor(random() * 3);
  if (kind === 0) return word.slice(0, at) + word.slice(at + 1);
  if (kind === 1) return word.slice(0, at) + word[at] + word.slice(at);
  return word.slice(0, at - 1) + word[at] + word[at - 1] + word.slice(at + 1);
}

/** `count` queries in a fixed mix: a quarter each exact ids, names, questions and typos of names. */
export function mixedQueries(catalog: Catalog, count: number, seed = 8): string[] {
  const random = seededRandom(seed);
  const entries = catalog.entries;
  const questions = ['what is {}?', 'how does {} work', 'explain {}', 'when should I use {}?', '{} vs alternatives'];
  const queries: string[] = [];
  for (let i = 0; i < count; i++) {
    const entry = pick(random, entries);
    switch (i % 4) {
      case 0:
        queries.push(entry.id);
        break;
      case 1:
        queries.push(entry.name);
        break;
      case 2:
        queries.push(pick(random, questions).replace('{}', entry.name.toLowerCase()));
        break;
      default:
        queries.push(typo(entry.name, random));
    }
  }
  return queries;
}

/** Figure 1: catalog search latency over mixed queries, against an exact-id Map over the same queries. */
export async function benchLookup(options: { queries: number; rounds: number }): Promise<Figure[]> {
  const catalog = loadCatalog();
  const search = createSearch(catalog);
  const byId = new Map(catalog.entries.map((e) => [normalizeId(e.id), e]));
  const queries = mixedQueries(catalog, options.queries);
  const n = queries.length * options.rounds;
  const q = (i: number) => queries[i % queries.length]!;

  const baseline = summarize(timeEachSync(n, n, (i) => byId.get(normalizeId(q(i)))));
  const measured = summarize(timeEachSync(n, n, (i) => search.lookup(q(i))));
  const hits = queries.filter((x) => search.lookup(x).results.length > 0).length;
  const found = queries.filter((x) => byId.has(normalizeId(x))).length;
  return [
    figure('1 lookup p50', measured.p50, 'ms', { baseline: baseline.p50 }),
    figure('1 lookup p99', measured.p99, 'ms', { baseline: baseline.p99, target: { maxValue: 1 } }),
    figure('1 lookup queries with a hit', (100 * hits) / queries.length, '%', { baseline: (100 * found) / queries.length }),
  ];
}

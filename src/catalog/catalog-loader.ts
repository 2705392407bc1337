import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCatalog } from './build-catalog.ts';
import { CatalogError } from './catalog-error.ts';
import type { Catalog } from './catalog.ts';
import { checkIntegrity, type CatalogFile, type ExpectedCounts } from './integrity.ts';
import { checkProblemWords, parseProblemWords, problemWordsFile } from './problem-words.ts';
import { catalogFiles, Entry, type EntryKind } from './schema.ts';
import { dataPath } from '../project-paths.ts';
import { checkedOnce } from '../checked-once.ts';
import { checkData, parseJsonNoting } from '../checked-data.ts';

/** The catalog shipped with Quorum: <repo>/data/catalog. */
export const defaultCatalogDir = dataPath('catalog');

/** Options of `loadCatalog`; `counts` exists for tests with a smaller fixture catalog. */
export interface LoadCatalogOptions {
  counts?: Partial<ExpectedCounts>;
}

/**
 * Reads every file of `catalogFiles` from `dir`, parses it with zod and checks its integrity.
 * Throws one CatalogError listing every problem (file, entry and what is wrong).
 */
export function loadCatalog(dir: string = defaultCatalogDir, options: LoadCatalogOptions = {}): Catalog {
  const counts = Object.fromEntries(catalogFiles.map((f) => [f.kind, f.count])) as ExpectedCounts;
  Object.assign(counts, options.counts);
  const problems: string[] = [];
  const files: CatalogFile[] = catalogFiles.map(({ file, kind }) => ({ file, kind, entries: checkFile(dir, file, problems, (raw, found) => parseEntries(raw, file, kind, found)) }));
  // Integrity checks on half-parsed data would report phantom missing references, so stop here.
  if (problems.length > 0) throw new CatalogError(dir, problems);
  problems.push(...checkIntegrity(files, counts));
  const entries = files.flatMap((f) => f.entries);
  const words = checkFile(dir, problemWordsFile, problems, parseProblemWords);
  if (problems.length === 0) problems.push(...checkProblemWords(words, entries));
  if (problems.length > 0) throw new CatalogError(dir, problems);
  return buildCatalog(entries, words);
}

/**
 * Reads one file of the catalog and checks its JSON with `parse`, which notes each problem it finds
 * (or takes what the build's check of the same text gave). An unreadable file is a noted problem and no records.
 */
function checkFile<T>(dir: string, file: string, problems: string[], parse: (raw: unknown, problems: string[]) => T[]): T[] {
  let text: string;
  try {
    text = readFileSync(join(dir, file), 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    problems.push(code === 'ENOENT' ? `${file}: file is missing` : `${file}: cannot be read as JSON (${(err as Error).message})`);
    return [];
  }
  return checkData(
    `catalog/${file}`,
    text,
    () => {
      const raw = parseJsonNoting(text, file, problems);
      return raw === undefined ? [] : parse(raw, problems);
    },
    problems,
  );
}

function parseEntries(raw: unknown, file: string, kind: EntryKind, problems: string[]): Entry[] {
  if (!Array.isArray(raw)) {
    problems.push(`${file}: must be a JSON array of ${kind} entries`);
    return [];
  }
  const entries: Entry[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = Entry.safeParse(item, checkedOnce);
    if (parsed.success) {
      entries.push(parsed.data);
      return;
    }
    const id = typeof item === 'object' && item !== null && typeof (item as { id?: unknown }).id === 'string' ? (item as { id: string }).id : null;
    const where = id ? `${id} (entry ${index + 1})` : `entry ${index + 1}`;
    for (const issue of parsed.error.issues) {
      const path = issue.path.length > 0 ? issue.path.join('.') : '(entry)';
      problems.push(`${file}: ${where}: ${path}: ${issue.message}`);
    }
  });
  return entries;
}

import { fileURLToPath } from 'node:url';
import type { LoadCatalogOptions } from '../../src/catalog/catalog-loader.ts';
import { editedCopy } from '../helpers/edited-copy.ts';

/** The small fixture catalog the catalog tests break on purpose. */
export const fixtureDir = fileURLToPath(new URL('../fixtures/catalog-mini/', import.meta.url));

/** The counts of the fixture (the real catalog has 15/30/20/15/3). */
export const fixtureCounts: LoadCatalogOptions = { counts: { law: 3, capability: 5, primitive: 3, pattern: 2, path: 1 } };

type Json = Record<string, unknown> & { id: string };

/** Copies the fixture into a fresh temp dir, lets `edit` change one file's entries, and returns the dir. */
export function brokenCopy(file: string, edit: (entries: Json[]) => Json[] | void): string {
  return editedCopy(fixtureDir, 'quorum-catalog-', file, edit);
}

/** The entry with this id in a parsed file (the test fails loudly when it is missing). */
export function byId(entries: Json[], id: string): Json {
  const entry = entries.find((e) => e.id === id);
  if (!entry) throw new Error(`fixture has no ${id}`);
  return entry;
}

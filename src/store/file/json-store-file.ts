import { access } from 'node:fs/promises';
import { Low } from 'lowdb';
import type { z } from 'zod';
import { CompactJsonFile } from './compact-json-file.ts';
import { StoreCorruptError } from './store-corrupt-error.ts';
import { storeSchemaVersion } from '../shared/stored-schema.ts';

/** An opened store file: its lowdb handle, and the length of the text last read or written. */
export interface StoreFile<T> {
  low: Low<T>;
  textLength(): number;
}

/**
 * Opens one lowdb JSON file and checks it against `schema`. A missing file starts as
 * `empty()`; a file that is not JSON or not the expected shape throws StoreCorruptError
 * and is left exactly as it is. Writes go through lowdb's steno writer (temp file + rename),
 * as compact JSON.
 */
export async function openJsonStoreFile<T>(file: string, schema: z.ZodType<T>, empty: () => T): Promise<StoreFile<T>> {
  const adapter = new CompactJsonFile<T>(file);
  let raw: unknown;
  try {
    raw = await adapter.read();
  } catch (err) {
    if (err instanceof SyntaxError) throw new StoreCorruptError(file, `is not valid JSON (${err.message})`);
    throw err;
  }
  // JSONFile reports a missing file as null, but a file holding the JSON `null` reads the same.
  if (raw === null && (await exists(file))) throw new StoreCorruptError(file, 'holds null instead of a Quorum store object');
  const low = new Low<T>(adapter, empty());
  const opened: StoreFile<T> = { low, textLength: () => adapter.textLength };
  if (raw === null) return opened;
  const version = (raw as { schemaVersion?: unknown } | undefined)?.schemaVersion;
  if (typeof version === 'number' && version > storeSchemaVersion) {
    throw new StoreCorruptError(file, `was written by a newer Quorum (schema version ${version}; this one reads ${storeSchemaVersion})`);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
    throw new StoreCorruptError(file, `does not have the shape Quorum writes (${where}${issue?.message ?? 'invalid'})`);
  }
  low.data = parsed.data;
  return opened;
}

/** Whether `file` exists (any error reading its metadata counts as no). */
export async function exists(file: string): Promise<boolean> {
  try {
    await access(file);
    return true;
  } catch {
    return false;
  }
}

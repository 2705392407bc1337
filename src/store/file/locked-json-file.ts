import { chmod, mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { z } from 'zod';
import { openJsonStoreFile } from './json-store-file.ts';
import { KeyedMutex } from './keyed-mutex.ts';

/** What an update of a LockedJsonFile returns: its result, and whether the data must be written. */
export interface FileUpdate<R> {
  result: R;
  changed: boolean;
}

/**
 * One small lowdb file (such as `_system/event-dedup.json`), loaded on first use and
 * changed by one update at a time. A file that fails to load is retried on the next call.
 */
export class LockedJsonFile<T> {
  readonly #mutex = new KeyedMutex();
  #low: Low<T> | undefined;

  readonly file: string;
  readonly schema: z.ZodType<T>;
  readonly empty: () => T;

  /** When set, the file (and its folder) are readable by their owner only: it holds secrets. */
  readonly secret: boolean;

  constructor(file: string, schema: z.ZodType<T>, empty: () => T, options: { secret?: boolean } = {}) {
    this.file = file;
    this.schema = schema;
    this.empty = empty;
    this.secret = options.secret ?? false;
  }

  /** Runs `update` on the data and writes the file when it reports a change. */
  update<R>(update: (data: T) => FileUpdate<R>): Promise<R> {
    return this.#mutex.run('file', async () => {
      this.#low ??= (await openJsonStoreFile(this.file, this.schema, this.empty)).low;
      const low = this.#low;
      try {
        const { result, changed } = update(low.data);
        if (changed) {
          await mkdir(path.dirname(this.file), { recursive: true, ...(this.secret && { mode: 0o700 }) });
          if (this.secret) await chmod(path.dirname(this.file), 0o700);
          await low.write();
          // The temp file behind the atomic write is made with the default mode; the folder above keeps it private meanwhile.
          if (this.secret) await chmod(this.file, 0o600);
        }
        return result;
      } catch (err) {
        this.#low = undefined; // memory may be ahead of the file: reload next time
        throw err;
      }
    });
  }

  /** Resolves when pending updates have finished. */
  idle(): Promise<void> {
    return this.#mutex.idle();
  }
}

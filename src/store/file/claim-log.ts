import { appendFile, mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { TextFile } from 'lowdb/node';
import * as z from 'zod';
import { readJsonLines } from './json-lines.ts';
import { openJsonStoreFile } from './json-store-file.ts';
import { DedupFileData, storeSchemaVersion } from '../shared/stored-schema.ts';

// The event dedup's file: an append-only JSONL log, one `{"id","expiresAt"}` claim a line, so a
// claim costs one small append instead of rewriting every remembered id. Claims made at the same
// time share one append. When most lines have expired the log is rewritten (temp file + rename,
// through lowdb's steno writer) with only the live claims. A line torn by a crash is skipped.

const ClaimLine = z.object({ id: z.string(), expiresAt: z.number() });

/** Claims kept in a JSONL log, read once into a map and appended to as they are made. */
export interface ClaimLog {
  /** Every live claim (id → expiry in ms since epoch), as loaded plus those appended since. */
  claims: Map<string, number>;
  /** Writes one claim to the log; resolves once it is in the file. */
  append(id: string, expiresAt: number): Promise<void>;
  /** Resolves when every append made so far has settled. */
  idle(): Promise<void>;
}

/**
 * Loads the claim log at `file`, dropping claims expired at `now()`. A `legacy` file (the whole
 * list in one lowdb JSON file, as older versions kept it) is folded in and then removed; when
 * that file is damaged this throws StoreCorruptError and leaves it as it is.
 */
export async function openClaimLog(file: string, legacy: string, now: () => number): Promise<ClaimLog> {
  const at = now();
  const claims = new Map<string, number>();
  // Lines are in the order they were written, so an id's last line wins (a released claim ends in an expired line).
  const remember = (id: string, expiresAt: number) => {
    if (expiresAt > at) claims.set(id, expiresAt);
    else claims.delete(id);
  };
  const old = await openJsonStoreFile(legacy, DedupFileData, () => ({ schemaVersion: storeSchemaVersion, claims: [] }));
  for (const claim of old.low.data.claims) remember(claim.id, claim.expiresAt);
  let lines = 0;
  let live = 0; // live claims at the last load or rewrite: the log is rewritten once it holds far more lines
  for (const line of await readLines(file)) {
    lines += 1;
    remember(line.id, line.expiresAt);
  }

  const rewrite = async () => {
    const current = now();
    for (const [id, expiresAt] of claims) if (expiresAt <= current) claims.delete(id);
    await new TextFile(file).write([...claims].map(([id, expiresAt]) => `\n${JSON.stringify({ id, expiresAt })}`).join(''));
    lines = claims.size;
    live = claims.size;
  };
  live = claims.size;
  await mkdir(path.dirname(file), { recursive: true });
  if (old.low.data.claims.length > 0 || lines > 2 * live + 1000) await rewrite();
  await unlink(legacy).catch((err: NodeJS.ErrnoException) => {
    if (err.code !== 'ENOENT') throw err;
  });

  let queued: string[] = [];
  let batch: Promise<void> | undefined; // the append that will take `queued`
  let tail: Promise<void> = Promise.resolve(); // the last append started or scheduled
  return {
    claims,
    append(id, expiresAt) {
      // Each line starts with a newline, so a line torn by a crash never merges with the next one.
      queued.push(`\n${JSON.stringify({ id, expiresAt })}`);
      if (!batch) {
        const run = tail.then(async () => {
          batch = undefined;
          const text = queued.join('');
          lines += queued.length;
          queued = [];
          await appendFile(file, text, 'utf8');
          // Rewriting (and sweeping expired ids from memory) after every `live + 1000` appends keeps a claim O(1) on average.
          if (lines > 2 * live + 1000) await rewrite();
        });
        batch = run;
        tail = run.catch(() => undefined);
      }
      return batch;
    },
    async idle() {
      while (batch) await batch.catch(() => undefined);
      await tail;
    },
  };
}

// A line torn by a crash is skipped: that claim was never acknowledged.
function readLines(file: string): Promise<Array<z.infer<typeof ClaimLine>>> {
  return readJsonLines(file, ClaimLine);
}

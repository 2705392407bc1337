import { readFile } from 'node:fs/promises';
import type { z } from 'zod';

/**
 * The lines of the JSONL log at `file` that parse as `schema`, oldest first. A missing log is
 * empty; a line that is not JSON or not of the schema (torn by a crash mid-append) is skipped.
 */
export async function readJsonLines<T>(file: string, schema: z.ZodType<T>): Promise<T[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  const lines: T[] = [];
  for (const raw of text.split('\n')) {
    if (raw.trim() === '') continue;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      continue;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) lines.push(parsed.data);
  }
  return lines;
}

import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Copies the data folder `from` into a fresh temp dir named `prefix…`, lets `edit` change the parsed
 * JSON of one `file` (in place, or by returning a replacement), and returns the dir.
 */
export function editedCopy<T>(from: string, prefix: string, file: string, edit: (content: T) => unknown): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(from, dir, { recursive: true });
  const path = join(dir, file);
  const content = JSON.parse(readFileSync(path, 'utf8')) as T;
  writeFileSync(path, JSON.stringify(edit(content) ?? content));
  return dir;
}

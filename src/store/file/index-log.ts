import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { readJsonLines } from './json-lines.ts';
import { IndexLine } from '../shared/stored-schema.ts';

// Append-only logs, one per user and workspace, naming the designs the user saved a version
// of, so `listUserDesigns` reads one small file instead of every channel. Appending keeps a
// save O(1) however many designs a user has. The thread files stay the truth: an entry whose
// design is gone (deleted, or lost to a crash before its channel was written) is ignored.

/** Appends one entry to the log at `file`, creating the file and its folder when needed. */
export async function appendIndexLine(file: string, line: IndexLine): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  // Each entry starts with a newline, so an entry torn by a crash never merges with the next one.
  await appendFile(file, `\n${JSON.stringify(line)}`, 'utf8');
}

/** The entries of the log at `file`, oldest first; a missing log is empty and unreadable lines are skipped. */
export function readIndexLines(file: string): Promise<IndexLine[]> {
  return readJsonLines(file, IndexLine);
}

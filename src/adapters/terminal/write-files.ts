import { mkdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { Reply } from '../../dialog/reply.ts';

/** A file a turn produced, as `chat --json` lists it: `path` is absolute or relative to the working directory. */
export interface WrittenFile {
  name: string;
  mime: string;
  path: string;
}

/**
 * Writes a reply's attachment (a diagram, an exported record) under `dir`, the terminal's stand-in for
 * attaching it in a thread; the same name is overwritten, since it names one version of one design.
 */
export async function writeReplyFile(dir: string, file: NonNullable<Reply['file']>): Promise<WrittenFile> {
  await mkdir(dir, { recursive: true });
  const name = basename(file.name);
  const path = join(dir, name);
  await writeFile(path, file.content);
  return { name, mime: file.mime, path };
}

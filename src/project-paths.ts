import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The project's folder: the nearest one above this module that holds package.json and data/. It is
 * found rather than counted, because this module sits at another depth in src/ (tsx), in a bundle in
 * dist/ and in the image; every data file is named from here.
 */
export const projectRoot = findProjectRoot(dirname(fileURLToPath(import.meta.url)));

/** Whether this module runs built (dist/, plain node) rather than from src/ under tsx. */
export const runsBuilt = !import.meta.url.endsWith('.ts');

/** A path under the project's data/ folder. */
export function dataPath(...parts: string[]): string {
  return join(projectRoot, 'data', ...parts);
}

/** A path under dist/, where the build writes the entry points (dist/main.js, dist/shard-entry.js …). */
export function distPath(...parts: string[]): string {
  return join(projectRoot, 'dist', ...parts);
}

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'data'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no folder above ${from} holds package.json and data/`);
  }
}

import { mkdtemp, readdir, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createAssessor } from '../../src/rules/assessor.ts';
import type { DesignStore, DesignVersion, ThreadKey } from '../../src/dialog/ports/design-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { requirementsMix } from './requirements-mix.ts';

/** How seeded designs are spread: this many threads (designs) per channel, channels spread over workspaces. */
export const threadsPerChannel = 20;
export const workspaces = 5;
/** The user who saved every seeded design. */
export const seedUser = 'U0SEED';

/** The thread key of seeded design number `n` (0-based). */
export function seededKey(n: number): ThreadKey {
  const channel = Math.floor(n / threadsPerChannel);
  return {
    platform: 'slack',
    workspace: `T${channel % workspaces}`,
    channel: `C${channel.toString(36).toUpperCase().padStart(6, '0')}`,
    thread: `1700000000.${String(n % threadsPerChannel).padStart(6, '0')}`,
  };
}

/** Varied real versions (requirements with their real assessment) to save as seeded designs. */
export async function seedVersions(count = 40): Promise<Array<Omit<DesignVersion, 'version'>>> {
  const assessor = await createAssessor({ catalog: loadCatalog() });
  const versions: Array<Omit<DesignVersion, 'version'>> = [];
  for (const [i, requirements] of requirementsMix(count, 5).entries()) {
    const { assessment } = await assessor.assess(requirements);
    const answeredBy = Object.fromEntries(Object.keys(requirements).map((f) => [f, seedUser]));
    versions.push({ requirements, assessment, answeredBy, savedBy: seedUser, savedAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), cause: 'interview' });
  }
  return versions;
}

/** A new empty store directory under the system's temp directory. */
export function newStoreDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'quorum-bench-store-'));
}

/**
 * Saves designs number `from` … `to - 1` through a store's own `saveVersion` (so the layout is
 * whatever the store writes), a few at a time: into `target` when it is a running store, else into
 * the file store in the directory `target`, opened for the purpose.
 */
export async function seedStore(target: string | DesignStore, from: number, to: number, versions: Array<Omit<DesignVersion, 'version'>>): Promise<void> {
  const opened = typeof target === 'string' ? await openStore(`file:${target}`, { maxOpenFiles: 16 }) : undefined;
  const designs = opened?.designs ?? (target as DesignStore);
  try {
    const inFlight = 16;
    let next = from;
    const worker = async () => {
      for (let n = next++; n < to; n = next++) await designs.saveVersion(seededKey(n), 0, versions[n % versions.length]!);
    };
    await Promise.all(Array.from({ length: inFlight }, worker));
  } finally {
    await opened?.close();
  }
}

/** Bytes the files under `dir` take: their sizes, and the blocks allocated to them on disk. */
export async function bytesOnDisk(dir: string): Promise<{ size: number; allocated: number; files: number }> {
  let size = 0;
  let allocated = 0;
  let files = 0;
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const info = await stat(path.join(entry.parentPath, entry.name));
    size += info.size;
    allocated += info.blocks * 512;
    files += 1;
  }
  return { size, allocated, files };
}

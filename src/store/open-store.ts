import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.ts';
import type { DesignStore } from './design-store.ts';
import { createMemoryEventDedup, openLowdbEventDedup } from './event-dedup.ts';
import type { EventDedup } from './event-dedup.ts';
import { createMemoryInstallationRepo, openLowdbInstallationRepo } from './installation-store.ts';
import type { InstallationRepo } from './installation-store.ts';
import { openLowdbStore } from './lowdb-store.ts';
import { createMemoryStore } from './memory-store.ts';

/** Everything Quorum keeps, opened from one store URL. */
export interface OpenedStore {
  designs: DesignStore;
  dedup: EventDedup;
  installations: InstallationRepo;
  /** Waits for pending writes, then releases the store. */
  close(): Promise<void>;
}

/** Options shared by every kind of store: the directory relative paths start from, and clocks. */
export interface OpenStoreOptions {
  cwd?: string;
  now?: () => Date;
  /** File store only: bounds of its open channel-file cache (see LowdbStoreOptions). */
  maxOpenFiles?: number;
  maxOpenBytes?: number;
}

type Opener = (rest: string, options: OpenStoreOptions) => Promise<OpenedStore>;

// One entry per URL scheme, listed explicitly.
const openers: Record<string, Opener> = {
  'memory:': async (_rest, options) => {
    const designs = createMemoryStore(options.now ? { now: options.now } : {});
    const clock = options.now;
    return {
      designs,
      dedup: createMemoryEventDedup(clock ? { now: () => clock().getTime() } : {}),
      installations: createMemoryInstallationRepo(),
      close: () => designs.close(),
    };
  },
  'file:': async (rest, options) => {
    const directory = fileDirectory(rest, options.cwd ?? process.cwd());
    const clock = options.now;
    const designs = await openLowdbStore(directory, {
      ...(clock ? { now: clock } : {}),
      ...(options.maxOpenFiles ? { maxOpenFiles: options.maxOpenFiles } : {}),
      ...(options.maxOpenBytes ? { maxOpenBytes: options.maxOpenBytes } : {}),
    });
    const dedup = openLowdbEventDedup(directory, clock ? { now: () => clock().getTime() } : {});
    const installations = openLowdbInstallationRepo(directory);
    return {
      designs,
      dedup,
      installations,
      async close() {
        await Promise.all([designs.close(), dedup.idle(), installations.idle()]);
      },
    };
  },
  // Loaded on demand so the file store (the default) does not pay for the pg driver at start-up.
  'postgres:': async (rest, options) => {
    const { openPostgresStore } = await import('./postgres/open-postgres.ts');
    return openPostgresStore(`postgres:${rest}`, options.now ? { now: options.now } : {});
  },
};
openers['postgresql:'] = openers['postgres:']!;

/**
 * Opens the store named by `url` (QUORUM_STORE): `file:<directory>` (relative to `cwd`),
 * `file:///absolute/dir`, `memory:` or `postgres://…`. Anything else is a UserError saying what is accepted.
 */
export async function openStore(url: string, options: OpenStoreOptions = {}): Promise<OpenedStore> {
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(url)?.[0].toLowerCase();
  const opener = scheme ? openers[scheme] : undefined;
  if (!scheme || !opener) {
    throw new UserError('store_url_invalid', `QUORUM_STORE "${url}" is not a store Quorum knows.`, {
      hint: 'Use file:<directory> (for example file:./var/quorum), memory:, or postgres://user:password@host/database.',
    });
  }
  return opener(url.slice(scheme.length), options);
}

function fileDirectory(rest: string, cwd: string): string {
  if (rest.startsWith('//')) return fileURLToPath(`file:${rest}`);
  if (rest.trim() === '') {
    throw new UserError('store_url_invalid', 'QUORUM_STORE "file:" needs a directory after it.', {
      hint: 'For example file:./var/quorum',
    });
  }
  return path.resolve(cwd, rest);
}

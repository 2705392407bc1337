import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../errors.ts';
import { openFileStore } from './file/open-file-store.ts';
import { openMemoryStore } from './memory/open-memory-store.ts';
import type { OpenedStore, OpenStoreOptions } from './opened-store.ts';

type Opener = (rest: string, options: OpenStoreOptions) => Promise<OpenedStore>;

// One entry per URL scheme, listed explicitly.
const openers: Record<string, Opener> = {
  'memory:': (_rest, options) => openMemoryStore(options),
  'file:': (rest, options) => openFileStore(fileDirectory(rest, options.cwd ?? process.cwd()), options),
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

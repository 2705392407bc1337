import type { DesignStore } from '../dialog/ports/design-store.ts';
import type { EventDedup } from '../dialog/ports/event-dedup.ts';
import type { InstallationRepo } from '../dialog/ports/installation-repo.ts';

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

/** The clock of OpenStoreOptions in the milliseconds form the event dedups take, or nothing. */
export function dedupClock(options: OpenStoreOptions): { now?: () => number } {
  const clock = options.now;
  return clock ? { now: () => clock().getTime() } : {};
}

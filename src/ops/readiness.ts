/** One configured platform as readiness sees it: not started yet, or started with a live connection test. */
export interface PlatformReadiness {
  name: string;
  /** True while the platform is connected (Socket Mode socket open, Discord gateway ready, HTTP receiver listening). */
  connected(): boolean;
}

/** The store as readiness sees it: answering and writable, not answering, or answering but unable to save. */
export type StoreState = 'ok' | 'unreachable' | 'unwritable';

/** What `/readyz` answers. */
export interface ReadyReport {
  ready: boolean;
  stopping: boolean;
  store: StoreState;
  platforms: Record<string, 'connected' | 'starting' | 'disconnected'>;
}

/**
 * Whether this instance should get traffic: the store answers and every configured platform is
 * connected, and shutdown has not begun. Platforms are expected by name before they start, so an
 * instance that is still connecting is not ready.
 */
export interface Readiness {
  /** Names the platforms that must be connected; each counts as `starting` until `started`. */
  expect(names: readonly string[]): void;
  started(platform: PlatformReadiness): void;
  /** From now on the instance is not ready, whatever else holds (called first thing on SIGTERM). */
  beginShutdown(): void;
  stopping(): boolean;
  report(): Promise<ReadyReport>;
}

/**
 * Readiness over a store probe (`storeState`: the store's reads and `canWrite()`, answered in time). A store
 * that reads but cannot write is not ready: every change sent to this instance would fail.
 */
export function createReadiness(storeState: () => Promise<StoreState>): Readiness {
  const expected = new Set<string>();
  const running = new Map<string, PlatformReadiness>();
  let stopping = false;
  return {
    expect(names) {
      for (const name of names) expected.add(name);
    },
    started(platform) {
      expected.add(platform.name);
      running.set(platform.name, platform);
    },
    beginShutdown() {
      stopping = true;
    },
    stopping: () => stopping,
    async report() {
      const store = await storeState().catch((): StoreState => 'unreachable');
      const platforms: ReadyReport['platforms'] = {};
      for (const name of expected) {
        const platform = running.get(name);
        platforms[name] = !platform ? 'starting' : platform.connected() ? 'connected' : 'disconnected';
      }
      const connected = Object.values(platforms).every((state) => state === 'connected');
      return { ready: !stopping && store === 'ok' && connected, stopping, store, platforms };
    },
  };
}

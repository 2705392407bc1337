import type { Core } from '../dialog/core.ts';
import type { DesignStore } from '../dialog/ports/design-store.ts';
import { checkHealth } from '../health.ts';
import { createMetrics, platformObserver, type Metrics } from './metrics.ts';
import { observeTurns } from './observe-turns.ts';
import { opsRoutes, type OpsRoute } from './ops-routes.ts';
import { startOpsServer, type OpsServer } from './ops-server.ts';
import type { PlatformObserver } from './platform-observer.ts';
import { createReadiness, type Readiness } from './readiness.ts';

/**
 * Operations for a serving process: metrics, readiness, the routes that expose them, and the
 * observer adapters report platform events to. Start-up creates one and hooks it in at four points:
 * the store (observeStore), the core (observeCore), the adapters (observer, routes) and shutdown
 * (readiness.beginShutdown first, server closed last).
 */
export interface Ops {
  metrics: Metrics;
  readiness: Readiness;
  observer: PlatformObserver;
  /** `/livez`, `/readyz`, `/metrics` plus any extra routes given (such as `/healthz`). */
  routes: OpsRoute[];
  observeCore(core: Core): Core;
  /** Serves the routes on their own port: Socket Mode and Discord-only runs, where no Slack HTTP receiver does. */
  listen(port: number, host?: string): Promise<OpsServer>;
}

/** What operations reads from the running process. */
export interface OpsSources {
  /** Turns in flight right now. */
  inFlight(): number;
  /** Replies waiting for a retry right now (the reply queue's). */
  repliesWaiting?(): number;
  /** The designs store once it is open (undefined before): readiness asks it to read and whether it can write. */
  store(): DesignStore | undefined;
  /** Routes served beside the ops routes (the older `/healthz`). */
  extraRoutes?: OpsRoute[];
}

/** Creates the operations side of a serving process. */
export function createOps(sources: OpsSources): Ops {
  const metrics = createMetrics(sources.inFlight, () => sources.repliesWaiting?.() ?? 0);
  const readiness = createReadiness(async () => {
    const designs = sources.store();
    return designs ? (await checkHealth(designs)).body.store : 'unreachable';
  });
  const routes = [...opsRoutes(readiness, metrics), ...(sources.extraRoutes ?? [])];
  return {
    metrics,
    readiness,
    observer: platformObserver(metrics),
    routes,
    observeCore: (core) => observeTurns(core, metrics),
    listen: (port, host) => startOpsServer(routes, port, host),
  };
}

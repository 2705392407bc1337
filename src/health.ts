import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DesignStore } from './dialog/ports/design-store.ts';

/** What `/healthz` answers: 200 with `{"ok":true,"store":"ok"}`, or 503 when the store does not answer. */
export interface Health {
  status: 200 | 503;
  body: { ok: boolean; store: 'ok' | 'unreachable' | 'unwritable' };
}

// A key no conversation can have, so the probe reads nothing real and writes nothing.
const probeKey = { platform: 'health', workspace: '-', channel: '-', thread: '-' };

/** Asks the store for a (missing) session; an answer within `timeoutMs` means it is reachable. */
export async function checkHealth(designs: DesignStore, timeoutMs = 2000): Promise<Health> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`the store did not answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([designs.getSession(probeKey), timeout]);
    // Reads answering is not enough: a store that cannot save loses every change (reads still serve).
    if (designs.canWrite && !(await Promise.race([designs.canWrite(), timeout]))) return { status: 503, body: { ok: false, store: 'unwritable' } };
    return { status: 200, body: { ok: true, store: 'ok' } };
  } catch {
    return { status: 503, body: { ok: false, store: 'unreachable' } };
  } finally {
    clearTimeout(timer);
  }
}

/** A GET route in the shape of Bolt's `customRoutes` (and any node:http server), serving `/healthz`. */
export interface HealthRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

/** The `/healthz` route for an HTTP receiver: load balancers poll it to route around a broken instance. */
export function healthRoute(designs: DesignStore, timeoutMs = 2000): HealthRoute {
  return {
    path: '/healthz',
    method: ['GET'],
    handler(_req, res) {
      void checkHealth(designs, timeoutMs).then(({ status, body }) => {
        res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(body));
      });
    },
  };
}

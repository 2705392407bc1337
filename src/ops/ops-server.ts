import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OpsRoute } from './ops-routes.ts';

/** The ops HTTP server of Socket Mode and Discord-only runs, where no Slack HTTP receiver owns `PORT`. */
export interface OpsServer {
  port: number;
  close(): Promise<void>;
}

/** Serves `routes` (GET and HEAD) on `port`; anything else is 404, a wrong method 405. */
export async function startOpsServer(routes: readonly OpsRoute[], port: number, host?: string): Promise<OpsServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    const route = routes.find((r) => r.path === path);
    if (!route) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    } else if (!route.method.includes(req.method ?? '') && req.method !== 'HEAD') {
      res.writeHead(405, { allow: route.method.join(', '), 'content-type': 'text/plain' }).end('method not allowed\n');
    } else {
      route.handler(req, res);
    }
  });
  // Probes hold no long connections; keep-alive sockets must not delay the exit.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Metrics } from './metrics.ts';
import type { Readiness } from './readiness.ts';

/** A GET route in the shape of Bolt's `customRoutes`, so the same routes serve Bolt's HTTP receiver and the ops server. */
export interface OpsRoute {
  path: string;
  method: string[];
  handler(req: IncomingMessage, res: ServerResponse): void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * `/livez` (200 while the process runs: restart it only when this fails), `/readyz` (200 only
 * while ready, else 503 with what is missing) and `/metrics` (Prometheus text).
 */
export function opsRoutes(readiness: Readiness, metrics: Metrics): OpsRoute[] {
  return [
    {
      path: '/livez',
      method: ['GET'],
      handler: (_req, res) => sendJson(res, 200, { live: true }),
    },
    {
      path: '/readyz',
      method: ['GET'],
      handler(_req, res) {
        void readiness.report().then((report) => sendJson(res, report.ready ? 200 : 503, report));
      },
    },
    {
      path: '/metrics',
      method: ['GET'],
      handler(_req, res) {
        void metrics.render().then(
          (text) => {
            res.writeHead(200, { 'content-type': metrics.contentType, 'cache-control': 'no-store' });
            res.end(text);
          },
          () => sendJson(res, 500, { error: 'metrics could not be collected' }),
        );
      },
    },
  ];
}

import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EventDedup } from '../../dialog/ports/event-dedup.ts';

/** How long a signed install state is good for: Bolt's ClearStateStore accepts one for 600 s. */
const stateLifetimeMs = 600_000;

/**
 * Makes each OAuth state value good for one callback. Bolt checks a state's signature, age and browser
 * cookie, but not whether it was used: a captured callback URL and cookie could be replayed for ten
 * minutes. The first callback claims the state in the store's event dedup (shared by every instance on
 * one database); a replay, or a claim the store cannot record, gets a friendly page and installs nothing.
 */
export function onceOnlyStates(claims: EventDedup) {
  return {
    async beforeInstallation(_options: unknown, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
      const state = new URL(req.url ?? '/', 'http://quorum.invalid').searchParams.get('state') ?? '';
      const id = `slack-oauth-state:${createHash('sha256').update(state).digest('hex')}`;
      const first = await claims.claim(id, stateLifetimeMs).catch(() => undefined);
      if (first === true) return true;
      if (first === false) {
        page(res, 400, 'This install link was already used', 'Each link from the install page works once. To add Quorum to a workspace again, start over from the install page.');
      } else {
        page(res, 503, 'Quorum could not finish the install', 'Nothing was installed. Please try again in a minute from the install page.');
      }
      return false;
    },
  };
}

function page(res: ServerResponse, status: number, title: string, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1><p>${text}</p><p><a href="/slack/install">Go to the install page</a></p></body></html>`);
}

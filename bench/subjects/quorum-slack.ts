/**
 * Bench subject: starts Quorum as src/main.ts does (config from the environment, createQuorum,
 * startSlack) against the fake Slack at argv[2] with the file store at argv[3], prints
 * `{"ready":true}` once it listens, then optionally grows the store and opens interviews, and
 * prints its memory. With --serve it waits for stdin to end before that. Options: --grow-from N --grow-to M (save designs N … M-1 through the store),
 * --sessions S (open S interview sessions through the core), --settle ms.
 */
import { parseArgs } from 'node:util';
import { startSlack } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { readSessionState } from '../../src/dialog/session-state.ts';
import { report, untilStdinEnds } from '../lib/child.ts';
import { seedStore, seedVersions } from '../lib/seed-store.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { serve: { type: 'boolean' }, secret: { type: 'string' }, 'grow-from': { type: 'string' }, 'grow-to': { type: 'string' }, sessions: { type: 'string' }, settle: { type: 'string' } },
});
const [apiUrl, storeDir] = positionals;
if (!apiUrl || !storeDir) throw new Error('usage: quorum-slack.ts <slack api url> <store dir> [options]');

const startedAt = performance.now();
const config = loadConfig({
  SLACK_BOT_TOKEN: 'xoxb-bench-token',
  SLACK_SIGNING_SECRET: values.secret ?? 'bench-signing-secret',
  SLACK_API_URL: apiUrl,
  PORT: '0',
  QUORUM_STORE: `file:${storeDir}`,
  LOG_LEVEL: 'error',
});
// An adapter's log marks what it expects, such as a send it will retry, with level 'warn' (main.ts logs
// those as warnings); every other call is an error.
const errors: unknown[] = [];
let warnings = 0;
const log = (err: unknown, context?: unknown): void => {
  if ((context as { level?: string } | undefined)?.level === 'warn') warnings += 1;
  else errors.push(err);
};
const quorum = await createQuorum(config, log);
const slack = await startSlack(quorum, config.slack!, log, { host: '127.0.0.1' });
const startMs = performance.now() - startedAt;
report({ ready: true, port: slack.port });

const growFrom = Number(values['grow-from'] ?? 0);
const growTo = Number(values['grow-to'] ?? 0);
// Saved through the running Quorum's own store, so its cache holds what it would after these saves.
if (growTo > growFrom) await seedStore(quorum.stores.designs, growFrom, growTo, await seedVersions());

// Open interviews: each thread starts `design` and answers the first three questions.
const sessions = Number(values.sessions ?? 0);
const answers = ['design', 'bench service', 'e-commerce', 'let the domain decide'];
const inFlight = 16;
let next = 0;
await Promise.all(
  Array.from({ length: inFlight }, async () => {
    for (let i = next++; i < sessions; i = next++) {
      const where = { platform: 'slack' as const, workspace: 'TBENCH', channel: `CS${Math.floor(i / 50)}`, thread: `1800000000.${String(i).padStart(6, '0')}`, user: `U${i % 37}` };
      for (const text of answers) await quorum.core.handle({ ...where, text });
    }
  }),
);
let open = 0;
for (let i = 0; i < sessions; i++) {
  const key = { platform: 'slack', workspace: 'TBENCH', channel: `CS${Math.floor(i / 50)}`, thread: `1800000000.${String(i).padStart(6, '0')}` };
  const stored = await quorum.stores.designs.getSession(key);
  if (stored && readSessionState(stored.state, new Date().toISOString()).state.mode === 'interviewing') open += 1;
}
if (values.serve) await untilStdinEnds();
else await new Promise((r) => setTimeout(r, Number(values.settle ?? 0)));
const memory = process.memoryUsage();
// With --expose-gc, also what is live after a full collection (diagnosis: live data versus garbage not yet collected).
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const afterGc = gc ? process.memoryUsage() : undefined;
report({ startMs, rss: memory.rss, heapUsed: memory.heapUsed, heapAfterGc: afterGc?.heapUsed, rssAfterGc: afterGc?.rss, errors: errors.length, warnings, openSessions: open, port: slack.port });
await slack.stop();
await quorum.close();
process.exit(0);

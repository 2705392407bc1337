/**
 * Bench subject: starts the bare Bolt echo app against the fake Slack at argv[2], prints
 * `{"ready":true,"port"}` once it listens, then with `--serve` waits until stdin ends; otherwise
 * waits `--settle` ms. Finally prints its memory and exits.
 */
import { parseArgs } from 'node:util';
import { startBareBolt } from '../lib/bare-bolt.ts';
import { report, untilStdinEnds } from '../lib/child.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { serve: { type: 'boolean' }, settle: { type: 'string' }, secret: { type: 'string' } } });
const [apiUrl] = positionals;
if (!apiUrl) throw new Error('usage: bare-bolt.ts <slack api url> [--serve] [--settle ms] [--secret s]');
const startedAt = performance.now();
const bolt = await startBareBolt({ apiUrl, signingSecret: values.secret ?? 'bench-signing-secret', host: '127.0.0.1' });
const startMs = performance.now() - startedAt;
report({ ready: true, port: bolt.port });
if (values.serve) await untilStdinEnds();
else await new Promise((r) => setTimeout(r, Number(values.settle ?? 0)));
const memory = process.memoryUsage();
report({ startMs, rss: memory.rss, heapUsed: memory.heapUsed });
await bolt.stop();
process.exit(0);

/**
 * Bench subject: Quorum's Discord bot as src/main.ts starts it (config from the environment,
 * createQuorum, startDiscord) against the fake Discord whose REST base is argv[2], with the file
 * store at argv[3]. Prints `{"ready":true}` when ready, waits until stdin ends, then prints the
 * number of errors it logged and its memory, and exits.
 */
import { startDiscord } from '../../src/adapters/discord/start-discord.ts';
import { createQuorum } from '../../src/bootstrap.ts';
import { loadConfig } from '../../src/config.ts';
import { report, untilStdinEnds } from '../lib/child.ts';

const [apiUrl, storeDir, applicationId] = process.argv.slice(2);
if (!apiUrl || !storeDir || !applicationId) throw new Error('usage: quorum-discord.ts <discord api url> <store dir> <application id>');
const startedAt = performance.now();
const config = loadConfig({
  DISCORD_TOKEN: 'fake-token',
  DISCORD_APPLICATION_ID: applicationId,
  DISCORD_API_URL: apiUrl,
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
const bot = await startDiscord(quorum, config.discord!, log);
const startMs = performance.now() - startedAt;
report({ ready: true });
await untilStdinEnds();
const memory = process.memoryUsage();
report({ startMs, rss: memory.rss, heapUsed: memory.heapUsed, errors: errors.length, warnings });
await bot.stop();
await quorum.close();
process.exit(0);

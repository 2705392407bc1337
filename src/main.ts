import { existsSync } from 'node:fs';
import { pino } from 'pino';
import { ConfigError, loadConfig, type Config } from './config.ts';
import type { Quorum } from './bootstrap.ts';
import { startQuorum } from './start-up.ts';
import { createWorkCounter, type InFlightCore, type WorkCounter } from './in-flight.ts';
import { createLogger, type Log } from './log.ts';
import { healthRoute } from './health.ts';
import { createOps, type Ops } from './ops/ops.ts';
import { createReplyQueue, type ReplyQueue } from './ops/reply-queue.ts';

/** A running adapter: something to stop on shutdown (and the port it listens on, if any). */
interface Running {
  name: string;
  port?: number;
  /** Whether the platform connection is up, for `/readyz`. */
  connected(): boolean;
  stop(): Promise<void>;
}

/** How long shutdown waits for turns in flight before it closes the store anyway. */
const drainTimeoutMs = 10_000;
/** After a clean shutdown, how long replies still being sent get before the process is made to exit. */
const exitGraceMs = 3_000;

/** An adapter's error callback that writes to the log: Bolt's warnings (such as refused requests) as warn, the rest as error. */
function adapterLog(log: Log, platform: string) {
  return (err: unknown, context: Record<string, unknown>): void => {
    const level = context.level === 'warn' ? 'warn' : 'error';
    log[level]({ platform, ...context, err }, `${platform}: ${err instanceof Error ? err.message : String(err)}`);
  };
}

async function startPlatforms(config: Config, quorum: Quorum, log: Log, ops: Ops, intake: WorkCounter, replies: ReplyQueue): Promise<Running[]> {
  const running: Running[] = [];
  // Adapters register here explicitly; each folder exports one start…(core, config). They are imported
  // only when configured: discord.js alone takes ~0.8 s to load, which a Slack-only start should not pay.
  if (config.slack) {
    const { startSlack } = await import('./adapters/slack/start-slack.ts');
    running.push(await startSlack(quorum, config.slack, adapterLog(log, 'slack'), { customRoutes: ops.routes, observer: ops.observer, track: intake.run, replies }));
  }
  if (config.discord) {
    const { startDiscord } = await import('./adapters/discord/start-discord.ts');
    running.push(await startDiscord(quorum, config.discord, adapterLog(log, 'discord'), { observer: ops.observer, track: intake.run, replies }));
  }
  return running;
}

/** Starts every configured adapter; with DISCORD_SHARDS, Discord runs as shard processes under discord.js's ShardingManager. */
async function startAll(config: Config, quorum: Quorum, log: Log, ops: Ops, intake: WorkCounter, replies: ReplyQueue): Promise<Running[]> {
  const sharded = config.discord?.shards !== undefined;
  const running = await startPlatforms(sharded ? { ...config, discord: undefined } : config, quorum, log, ops, intake, replies);
  if (sharded) {
    if (config.store.startsWith('file:')) {
      log.warn({ event: 'config' }, 'Discord shards each open the store: use a postgres:// QUORUM_STORE, since file stores are for one process');
    }
    const { startShardedDiscord } = await import('./adapters/discord/start-sharded.ts');
    const shards = await startShardedDiscord(config, adapterLog(log, 'discord'));
    ops.metrics.include(() => shards.metrics());
    running.push(shards);
  }
  return running;
}

/**
 * Stops gracefully: `/readyz` turns 503 at once, Socket Mode disconnects (no new work), replies
 * waiting for a retry are tried at once, turns in flight (and their replies) are waited for, then the listeners close (the Slack HTTP receiver, which serves `/readyz`,
 * stays up through the drain so load balancers see the 503) and Discord logs out (discord.js forgets
 * its token on destroy, so it goes after the turns that still reply through it); the store closes last.
 */
async function shutdown(signal: string, running: Running[], quorum: Quorum, inFlight: WorkCounter, replies: ReplyQueue, log: Log, ops: Ops, closeOps: () => Promise<void>) {
  ops.readiness.beginShutdown();
  log.info({ event: 'shutdown', signal, inFlight: inFlight.inFlight(), repliesWaiting: replies.waiting() }, 'Quorum is stopping');
  replies.hurry();
  const afterDrain = (r: Running) => r.name === 'discord' || r.port !== undefined;
  await Promise.allSettled(running.filter((r) => !afterDrain(r)).map((r) => r.stop()));
  if (!(await inFlight.drain(drainTimeoutMs))) {
    log.warn({ event: 'shutdown', inFlight: inFlight.inFlight() }, `turns still running after ${drainTimeoutMs} ms; stopping anyway`);
  }
  await Promise.allSettled(running.filter(afterDrain).map((r) => r.stop()));
  await closeOps();
  await quorum.close();
  log.info({ event: 'stopped' }, 'Quorum stopped');
  process.exitCode = 0;
  // Replies already handed to a platform finish on their own; a lingering keep-alive socket must not hold the exit.
  setTimeout(() => process.exit(0), exitGraceMs).unref();
}

async function main(): Promise<void> {
  // A .env beside package.json fills variables that are not already set.
  if (existsSync('.env')) process.loadEnvFile('.env');
  let config: Config;
  try {
    config = loadConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\nSee .env.example for every variable and what it accepts.\n`);
      process.exit(2);
    }
    throw err;
  }
  // Serving a platform, logs are the process's output; in the terminal chat they go to stderr, warnings and worse only.
  const serving = Boolean(config.slack || config.discord);
  const log = serving ? createLogger(config.logLevel) : createLogger(quieterOf(config.logLevel, 'warn'), pino.destination(2));
  if (!serving) {
    // The terminal chat (and readline) loads only when there is no platform to serve.
    const [{ quorum }, { startTerminal }] = await Promise.all([startQuorum(config, log), import('./adapters/terminal/start-terminal.ts')]);
    await startTerminal(quorum.core, {
      input: process.stdin,
      output: process.stdout,
      thread: 'terminal',
      user: 'terminal-user',
      json: false,
      filesDir: config.filesDir,
      interactive: Boolean(process.stdin.isTTY),
    });
    await quorum.close();
    return;
  }
  await serve(config, log);
}

/** Runs every configured platform with operations (metrics, `/livez`, `/readyz`, `/metrics`) until SIGTERM or SIGINT. */
async function serve(config: Config, log: Log): Promise<void> {
  // The chat SDKs start loading now, so their files are read while the catalog and rules are built.
  const preload = [config.slack && import('./adapters/slack/start-slack.ts'), config.discord && import('./adapters/discord/start-discord.ts')];
  for (const loading of preload) if (loading) loading.catch(() => undefined);
  let turns: InFlightCore | undefined;
  let designs: Quorum['stores']['designs'] | undefined;
  let replies: ReplyQueue | undefined;
  const ops = createOps({
    inFlight: () => turns?.inFlight() ?? 0,
    repliesWaiting: () => replies?.waiting() ?? 0,
    store: () => designs,
  });
  // One queue for every adapter's replies, so shutdown can hurry them all.
  replies = createReplyQueue({ observer: ops.observer, log: adapterLog(log, 'replies') });
  const { quorum: opened, inFlight } = await startQuorum(config, log, { metrics: ops.metrics, observe: ops.observeCore });
  designs = opened.stores.designs;
  turns = inFlight;
  // Shutdown waits for every turn and for every Slack request still on its way to the core.
  const intake = createWorkCounter();
  const quorum: Quorum = { ...opened, core: { ...opened.core, handle: (turn) => intake.run(() => opened.core.handle(turn)) } };
  ops.routes.push(healthRoute(opened.stores.designs));
  ops.readiness.expect([...(config.slack ? ['slack'] : []), ...(config.discord ? ['discord'] : [])]);
  // Slack's HTTP receiver serves the ops routes on PORT itself; Socket Mode and Discord-only runs get a server of their own, up before the platforms connect.
  const opsServer = config.slack && config.slack.mode !== 'socket' ? undefined : await ops.listen(config.port ?? 3000);
  const running = await startAll(config, quorum, log, ops, intake, replies);
  for (const r of running) ops.readiness.started(r);
  const ports = opsServer ? { ops: { port: opsServer.port } } : {};
  log.info({ event: 'started', adapters: running.map((r) => ({ name: r.name, ...(r.port !== undefined && { port: r.port }) })), ...ports }, 'Quorum started');
  let stopping: Promise<void> | undefined;
  const stop = (signal: string) => {
    stopping ??= shutdown(signal, running, quorum, intake, replies, log, ops, async () => opsServer?.close()).catch((err: unknown) => {
      log.fatal({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** The less verbose of two pino levels. */
function quieterOf(a: string, b: string): string {
  const value = (level: string) => pino.levels.values[level] ?? Number.POSITIVE_INFINITY;
  return value(a) >= value(b) ? a : b;
}

main().catch((err: unknown) => {
  process.stderr.write(`Quorum could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.QUORUM_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});

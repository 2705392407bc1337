// One Discord shard: the process discord.js's ShardingManager forks (see start-sharded.ts).
// It asks its manager for the configuration over IPC, builds its own core and store connection,
// and runs the bot on the shards the manager gave it (discord.js reads those itself).
import type { Config } from '../../config.ts';
import { createLogger } from '../../log.ts';
import { createWorkCounter } from '../../in-flight.ts';
import { createReplyQueue } from '../../ops/reply-queue.ts';
import { createShardMetrics } from '../../ops/shard-metrics.ts';
import { startQuorum } from '../../start-up.ts';
import { configRequest, type ConfigAnswer } from './start-sharded.ts';
import { startDiscord } from './start-discord.ts';

const drainTimeoutMs = 10_000;

function askManager(): Promise<Config> {
  return new Promise((resolve, reject) => {
    if (!process.send) return reject(new Error('shard-entry.ts runs only under the Discord sharding manager (npm start with DISCORD_SHARDS)'));
    const listener = (message: unknown) => {
      const answer = message as Partial<ConfigAnswer> | null;
      if (!answer || typeof answer !== 'object' || !answer.quorumConfig) return;
      process.off('message', listener);
      resolve(answer.quorumConfig);
    };
    process.on('message', listener);
    process.send(configRequest);
  });
}

// This shard's turns and store calls are counted here; the manager's /metrics asks for them over IPC.
let inFlightNow = () => 0;
let repliesWaiting = () => 0;
const metrics = createShardMetrics(() => inFlightNow(), () => repliesWaiting());
process.on('message', (message: unknown) => {
  metrics.answer(message, (answer) => process.send?.(answer));
});

// One async function rather than top-level await, so the build can bundle this entry as CommonJS.
async function runShard(): Promise<void> {
  const config = await askManager();
  const log = createLogger(config.logLevel).child({ shardProcess: process.pid });
  const { quorum, inFlight: tracked } = await startQuorum(config, log, { metrics: metrics.metrics, observe: metrics.observe });
  inFlightNow = () => tracked.inFlight();
  const adapterLog = (err: unknown, context: Record<string, unknown>) =>
    log[context.level === 'warn' ? 'warn' : 'error']({ err, ...context }, 'discord adapter error');
  const replies = createReplyQueue({ observer: metrics.observer, log: adapterLog });
  repliesWaiting = () => replies.waiting();
  // Interactions are counted from arrival to their last reply, so shutdown waits for replies still going out.
  const handling = createWorkCounter();
  const bot = await startDiscord(quorum, config.discord!, adapterLog, { observer: metrics.observer, replies, track: handling.run });
  log.info({ event: 'shard ready' }, 'Discord shard ready');

  let stopping = false;
  async function shutdown(why: string): Promise<void> {
    if (stopping) return;
    stopping = true;
    log.info({ event: 'shutdown', why, inFlight: handling.inFlight(), repliesWaiting: replies.waiting() }, 'Discord shard stopping');
    replies.hurry();
    // Drain before logging out: discord.js forgets its token on destroy, so replies still being sent would fail.
    const drained = await handling.drain(drainTimeoutMs);
    if (!drained) log.warn({ event: 'shutdown', inFlight: handling.inFlight() }, 'turns still running at the shutdown deadline');
    await bot.stop();
    await quorum.close();
    process.exit(0);
  }

  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
  // The manager went away (crashed or was killed): nobody will route work here any more.
  process.once('disconnect', () => void shutdown('manager disconnected'));
}

runShard().catch((err: unknown) => {
  process.stderr.write(`Discord shard failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

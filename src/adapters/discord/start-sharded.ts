import { once } from 'node:events';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { REST, Routes, ShardingManager, type Shard } from 'discord.js';
import type { Config } from '../../config.ts';
import { isMetricsAnswer, metricsRequest, type MetricsSnapshot } from '../../ops/shard-metrics.ts';
import type { DiscordLog } from './conversation.ts';
import { distPath, runsBuilt } from '../../project-paths.ts';

/** The shard process's entry file; ShardingManager forks it once per shard. Built, it is dist/shard-entry.js; from source, the .ts beside this file. */
export const shardEntryFile = runsBuilt ? distPath('shard-entry.js') : fileURLToPath(new URL('./shard-entry.ts', import.meta.url));

/**
 * Node flags for a shard process: none when compiled; from source, the tsx loader like `npm start`
 * (found from here, whatever the working directory). Resolved only when needed, since a production
 * install has no tsx.
 */
function shardExecArgv(): string[] {
  return runsBuilt ? [] : ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href];
}

/** What a shard process asks its manager for, and what the manager answers (over IPC, never argv). */
export const configRequest = 'quorum:config?';
/** The manager's answer to `configRequest`. */
export interface ConfigAnswer {
  quorumConfig: Config;
}

/** Tuning for tests: the pause between shard starts (Discord wants ~5 s per identify) and the ready timeout. */
export interface ShardedOptions {
  delayMs?: number;
  readyTimeoutMs?: number;
  /** How long a shard may take to stop after SIGTERM before it is killed. */
  stopTimeoutMs?: number;
}

/** Discord's bot as several shard processes under discord.js's ShardingManager. */
export interface RunningShards {
  name: 'discord';
  shardCount: number;
  /** True while every shard process has reported ready. */
  connected(): boolean;
  /** Every shard process's metrics, asked over IPC (for the manager's `/metrics`); a shard that does not answer in time is left out. */
  metrics(): Promise<MetricsSnapshot[]>;
  stop(): Promise<void>;
}

/** The number of shards to run: the configured number, or Discord's recommendation (asked at DISCORD_API_URL when set). */
export async function shardCount(discord: NonNullable<Config['discord']>): Promise<number> {
  if (typeof discord.shards === 'number') return discord.shards;
  const rest = new REST(discord.apiUrl ? { api: discord.apiUrl } : {}).setToken(discord.token);
  const gateway = (await rest.get(Routes.gatewayBot())) as { shards?: number };
  return Math.max(1, gateway.shards ?? 1);
}

// How long a scrape waits for a shard's metrics before it shows the others without them.
const metricsTimeoutMs = 2_000;

/** One shard's metrics, asked over IPC, or undefined when it does not answer in time (starting, restarting). */
function shardMetrics(shard: Shard): Promise<MetricsSnapshot | undefined> {
  return new Promise((resolve) => {
    const done = (answer: MetricsSnapshot | undefined) => {
      clearTimeout(timer);
      shard.off('message', listener);
      resolve(answer);
    };
    const listener = (message: unknown) => {
      if (isMetricsAnswer(message)) done(message.quorumMetrics);
    };
    const timer = setTimeout(() => done(undefined), metricsTimeoutMs);
    shard.on('message', listener);
    shard.send(metricsRequest).catch(() => done(undefined));
  });
}

async function stopShard(shard: Shard, timeoutMs: number): Promise<void> {
  const child = shard.process;
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  shard.kill(); // SIGTERM, and no respawn: the shard finishes its turns and closes its store
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  await exited;
  clearTimeout(timer);
}

/**
 * Starts `DISCORD_SHARDS` shard processes (each runs shard-entry.ts: its own core and store
 * connection, so shards must share a Postgres store), one after another as Discord asks, and
 * resolves once every shard is ready.
 */
export async function startShardedDiscord(config: Config, log: DiscordLog, options: ShardedOptions = {}): Promise<RunningShards> {
  const discord = config.discord;
  if (!discord) throw new Error('startShardedDiscord needs a Discord configuration');
  const total = await shardCount(discord);
  const manager = new ShardingManager(shardEntryFile, {
    totalShards: total,
    token: discord.token,
    mode: 'process',
    respawn: true,
    execArgv: shardExecArgv(),
  });
  let stopping = false;
  manager.on('shardCreate', (shard) => {
    shard.on('message', (message: unknown) => {
      if (message === configRequest) void shard.send({ quorumConfig: config } satisfies ConfigAnswer);
    });
    shard.on('death', () => {
      if (!stopping) log(new Error(`Discord shard ${shard.id} exited; the manager restarts it`), { where: 'discord shard', shard: shard.id });
    });
    shard.on('error', (err) => log(err, { where: 'discord shard', shard: shard.id }));
  });
  const stopAll = () => {
    stopping = true;
    return Promise.all(manager.shards.map((shard) => stopShard(shard, options.stopTimeoutMs ?? 15_000)));
  };
  try {
    await manager.spawn({ amount: total, delay: options.delayMs ?? 5500, timeout: options.readyTimeoutMs ?? 60_000 });
  } catch (err) {
    await stopAll();
    throw err;
  }
  return {
    name: 'discord',
    shardCount: total,
    connected: () => manager.shards.size === total && manager.shards.every((shard) => shard.ready),
    async metrics() {
      const answers = await Promise.all(manager.shards.map((shard) => shardMetrics(shard)));
      return answers.filter((answer): answer is MetricsSnapshot => answer !== undefined);
    },
    async stop() {
      await stopAll();
    },
  };
}

import { existsSync } from 'node:fs';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createQuorum, type Quorum } from './bootstrap.ts';
import { startTerminal } from './adapters/terminal/start-terminal.ts';
import { startDiscord } from './adapters/discord/start-discord.ts';
import { startSlack } from './adapters/slack/start-slack.ts';

/** A running adapter: something to stop on shutdown. */
interface Running {
  name: string;
  stop(): Promise<void>;
}

async function startPlatforms(config: Config, quorum: Quorum): Promise<Running[]> {
  const running: Running[] = [];
  // Adapters register here explicitly; each folder exports one start…(core, config).
  if (config.slack) running.push(await startSlack(quorum, config.slack));
  if (config.discord) {
    running.push(await startDiscord(quorum, config.discord, (err, context) => {
      process.stderr.write(`quorum discord: unexpected error ${JSON.stringify(context)}: ${(err as Error)?.stack ?? String(err)}\n`);
    }));
  }
  return running;
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
  const quorum = await createQuorum(config, (err, context) => {
    process.stderr.write(`quorum: unexpected error ${JSON.stringify(context)}: ${(err as Error)?.stack ?? String(err)}\n`);
  });
  const running = await startPlatforms(config, quorum);
  if (running.length === 0) {
    await startTerminal(quorum.core, {
      input: process.stdin,
      output: process.stdout,
      thread: 'terminal',
      user: 'terminal-user',
      json: false,
      interactive: Boolean(process.stdin.isTTY),
    });
    await quorum.close();
    return;
  }
  const shutdown = async () => {
    await Promise.allSettled(running.map((r) => r.stop()));
    await quorum.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`Quorum could not start: ${err instanceof Error ? err.message : String(err)}\n`);
  if (process.env.QUORUM_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exit(1);
});

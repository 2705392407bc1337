import { existsSync } from 'node:fs';
import { assessCommand } from './cli/assess.ts';
import { calcCommand } from './cli/calc.ts';
import { chatCommand } from './cli/chat.ts';
import type { CliCommand } from './cli/command.ts';
import { runCli } from './cli/dispatch.ts';
import { listCommand } from './cli/list.ts';
import { lookupCommand } from './cli/lookup.ts';
import { pathCommand } from './cli/path.ts';
import { showCommand } from './cli/show.ts';
import { loadConfig } from './config.ts';

/**
 * The CLI entry point (`npm run --silent quorum -- <subcommand> [args] [--json]`).
 * Subcommands are registered here explicitly: adding one is an import and an entry in this list.
 */
const commands: CliCommand[] = [lookupCommand, showCommand, listCommand, pathCommand, calcCommand, assessCommand, chatCommand];

// A .env beside package.json fills variables that are not already set.
if (existsSync('.env')) process.loadEnvFile('.env');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// A promise rather than top-level await, so the build can bundle this entry as CommonJS.
void runCli(process.argv.slice(2), commands, {
  io: { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) },
  debug: process.env.QUORUM_DEBUG === '1',
  readStdin,
  loadConfig: () => loadConfig(process.env),
}).then((code) => {
  process.exitCode = code;
});

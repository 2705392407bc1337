/**
 * `npm run discord:deploy`: registers Quorum's slash commands by bulk overwrite, to DISCORD_GUILD_ID
 * when set (instant), else globally. Safe to run again: the same set stays registered.
 */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { deployCommands } from './adapters/discord/deploy-commands.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
// One async function rather than top-level await, so the build can bundle this entry as CommonJS.
async function deploy(): Promise<void> {
  try {
    const config = loadConfig(process.env);
    if (!config.discord) {
      process.stderr.write('discord:deploy needs DISCORD_TOKEN and DISCORD_APPLICATION_ID (see .env.example).\n');
      process.exit(2);
    }
    const result = await deployCommands(config.discord);
    const where = result.scope === 'guild' ? `guild ${result.guildId}` : 'all servers (global commands can take up to an hour to appear)';
    process.stdout.write(`Registered ${result.names.length} commands for ${where}: ${result.names.map((n) => `/${n}`).join(', ')}\n`);
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `Discord refused the commands: ${err instanceof Error ? err.message : String(err)}`;
    process.stderr.write(`${message}\n`);
    process.exit(err instanceof ConfigError ? 2 : 1);
  }
}

void deploy();

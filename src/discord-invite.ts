/** `npm run discord:invite`: prints the OAuth2 URL that adds Quorum to a server with exactly the permissions it needs. */
import { existsSync } from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { inviteUrl } from './adapters/discord/invite-url.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
try {
  loadConfig(process.env);
} catch (err) {
  if (!(err instanceof ConfigError)) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exit(2);
}
// loadConfig has checked the id's shape; the invite needs only the id, not the token.
const applicationId = process.env.DISCORD_APPLICATION_ID?.trim();
if (!applicationId) {
  process.stderr.write('discord:invite needs DISCORD_APPLICATION_ID (the numeric id from the Discord developer portal).\n');
  process.exit(2);
}
process.stdout.write(`${inviteUrl(applicationId)}\n`);

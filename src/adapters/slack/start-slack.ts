import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, type CustomRoute, type webApi } from '@slack/bolt';
import type { Config } from '../../config.ts';
import { boltLogger } from './bolt-logger.ts';
import { dropRetries } from './drop-retries.ts';
import { registerAppHome } from './handlers/app-home.ts';
import { registerBlockActions } from './handlers/block-actions.ts';
import { registerMentions } from './handlers/mentions.ts';
import { registerSlashCommand } from './handlers/slash-command.ts';
import { registerThreadMessages } from './handlers/thread-messages.ts';
import { registerUninstall } from './handlers/uninstall.ts';
import type { SlackDeps, SlackLog } from './slack-deps.ts';
import { createInstallationStore } from './slack-installations.ts';

/** The bot scopes Quorum asks for when installed over OAuth (the same as slack/manifest.yml). */
export const botScopes = [
  'app_mentions:read',
  'channels:history',
  'chat:write',
  'commands',
  'files:write',
  'groups:history',
  'im:history',
  'im:write',
  'mpim:history',
];

/** Options beyond the environment: the interface to bind (tests use 127.0.0.1) and Web API client tuning. */
export interface StartSlackOptions {
  host?: string;
  /** e.g. a faster `retryConfig` in tests; `slackApiUrl` comes from the config. */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  /** Extra routes on the HTTP receiver's port, such as `/healthz` (HTTP and OAuth modes). */
  customRoutes?: CustomRoute[];
}

/** Slack never sends a request near this size; a bigger body is refused with 413 before anything runs. */
export const maxBodyBytes = 1024 * 1024;

/** A running Slack adapter; `port` is the bound HTTP port (HTTP and OAuth modes). */
export interface RunningSlack {
  name: 'slack';
  port?: number;
  stop(): Promise<void>;
}

// Warnings (a refused call, a bad signature) are one line; anything else is a bug and keeps its stack.
const stderrLog: SlackLog = (err, context) => {
  const detail = err instanceof Error ? (context.level === 'warn' || context.slackError ? err.message : (err.stack ?? err.message)) : String(err);
  process.stderr.write(`quorum slack: ${JSON.stringify(context)}: ${detail}\n`);
};

function createApp(deps: SlackDeps, config: NonNullable<Config['slack']>, options: StartSlackOptions): App {
  const clientOptions: webApi.WebClientOptions = { ...options.clientOptions, ...(config.apiUrl && { slackApiUrl: config.apiUrl }) };
  const common = { logger: boltLogger(deps.log), clientOptions, ignoreSelf: true };
  if (config.mode === 'socket') {
    return new App({ ...common, token: config.botToken, appToken: config.appToken, socketMode: true });
  }
  const http = {
    signingSecret: config.signingSecret ?? '',
    endpoints: '/slack/events',
    port: config.port,
    processBeforeResponse: false,
    customRoutes: options.customRoutes ?? [],
    bodyLimit: maxBodyBytes,
    logger: common.logger,
  };
  if (config.mode === 'oauth') {
    const receiver = new HTTPReceiver({
      ...http,
      clientId: config.clientId,
      clientSecret: config.clientSecret,
      stateSecret: config.stateSecret,
      scopes: botScopes,
      installationStore: createInstallationStore(deps.quorum.stores.installations),
      // Bolt adds the client options (the Web API base) itself only to a receiver it builds.
      installerOptions: { installPath: '/slack/install', directInstall: true, clientOptions },
    });
    return new App({ ...common, receiver });
  }
  return new App({ ...common, receiver: new HTTPReceiver(http), token: config.botToken });
}

/**
 * Starts Quorum's Slack app: Socket Mode with an app token, else Bolt's HTTP receiver on
 * `/slack/events` (with `/slack/install` in OAuth mode). Every handler acks first and works after.
 */
export async function startSlack(
  quorum: SlackDeps['quorum'],
  config: NonNullable<Config['slack']>,
  log: SlackLog = stderrLog,
  options: StartSlackOptions = {},
): Promise<RunningSlack> {
  const deps: SlackDeps = { quorum, log };
  const app = createApp(deps, config, options);
  app.use(dropRetries(quorum.stores.dedup));
  registerSlashCommand(app, deps);
  registerMentions(app, deps);
  registerThreadMessages(app, deps);
  registerBlockActions(app, deps);
  registerAppHome(app, deps);
  registerUninstall(app, deps);
  app.error(async (err) => log(err, { where: 'slack listener' }));

  if (config.mode === 'socket') {
    await app.start();
    return { name: 'slack', stop: () => app.stop().then(() => undefined) };
  }
  const server = await app.start({ port: config.port, ...(options.host && { host: options.host }) });
  const port = (server.address() as AddressInfo | null)?.port;
  return { name: 'slack', ...(port !== undefined && { port }), stop: () => app.stop().then(() => undefined) };
}

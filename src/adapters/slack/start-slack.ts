import type { AddressInfo } from 'node:net';
import { App, HTTPReceiver, SocketModeReceiver, type CustomRoute, type webApi } from '@slack/bolt';
import type { Config } from '../../config.ts';
import { ignoreObserver, type PlatformObserver } from '../../ops/platform-observer.ts';
import { createReplyQueue, type ReplyQueue } from '../../ops/reply-queue.ts';
import { boltLogger } from './bolt-logger.ts';
import { onceOnlyStates } from './oauth-state-once.ts';
import { dropRetries } from './drop-retries.ts';
import { registerAppHome } from './handlers/app-home.ts';
import { registerBlockActions } from './handlers/block-actions.ts';
import { registerMentions } from './handlers/mentions.ts';
import { registerSlashCommand } from './handlers/slash-command.ts';
import { registerThreadMessages } from './handlers/thread-messages.ts';
import { registerUninstall } from './handlers/uninstall.ts';
import type { SlackDeps, SlackLog } from './slack-deps.ts';
import { judgeSlackFailure } from './slack-errors.ts';
import { createInstallationStore } from './slack-installations.ts';

/** The bot scopes Quorum asks for when installed over OAuth (the same as every manifest in slack/). */
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
  // forget-workspace asks users.info whether the person confirming is a workspace admin or owner.
  'users:read',
];

/** Options beyond the environment: the interface to bind (tests use 127.0.0.1) and Web API client tuning. */
export interface StartSlackOptions {
  host?: string;
  /** e.g. a faster `retryConfig` in tests; `slackApiUrl` comes from the config. */
  clientOptions?: Omit<webApi.WebClientOptions, 'slackApiUrl' | 'logger'>;
  /** Extra routes on the HTTP receiver's port, such as `/healthz` and the ops routes (HTTP and OAuth modes). */
  customRoutes?: CustomRoute[];
  /** Told of dropped retries and Web API rate limits (operations' metrics). */
  observer?: PlatformObserver;
  /**
   * Runs each incoming request's whole processing (ack, dedup claim, turn, replies), so shutdown can
   * wait for events acknowledged but not yet at the core.
   */
  track?: <T>(work: () => Promise<T>) => Promise<T>;
  /** The queue replies go out through (main.ts shares one, which shutdown hurries); by default one of its own. */
  replies?: ReplyQueue;
}

/**
 * Web API calls give up well inside shutdown's 10 s drain: one retry, each attempt cut at 4 s
 * (4 s + up to 1 s + 4 s). The SDK's default retries for about 30 minutes, which no drain outlives.
 * A 429 still waits the Retry-After Slack asks for; it is counted, and the drain's deadline ends it.
 * A call that timed out or was cut after it was sent is not sent again blindly: Slack may have posted
 * it, and the reply queue (which looks in the thread first) decides.
 */
export const webApiRetries: Pick<webApi.WebClientOptions, 'retryConfig' | 'timeout'> = {
  retryConfig: { retries: 1, factor: 2, minTimeout: 500, maxTimeout: 1000, randomize: true },
  timeout: 4000,
};

/** The SDK's retry library (p-retry) stops retrying when this throws: it does for a call that may have landed. */
const noBlindResend = {
  onFailedAttempt(err: Error): void {
    if (judgeSlackFailure(err).kind === 'uncertain') throw err;
  },
};

/**
 * `fetch` for the Web API clients Bolt makes (one per workspace in OAuth mode), reporting each 429.
 * Bolt's respond() posts to the response_url with no timeout of its own; it gets the Web API's.
 */
function observedFetch(observer: PlatformObserver): typeof fetch {
  return async (input, init) => {
    const response = await fetch(input, init?.signal ? init : { ...init, signal: AbortSignal.timeout(webApiRetries.timeout ?? 4000) });
    if (response.status === 429) {
      const method = String(input instanceof Request ? input.url : input).split('/').pop()?.split('?')[0] ?? 'unknown';
      observer.rateLimited('slack', method.split('.')[0] ?? 'unknown');
    }
    return response;
  };
}

/** Slack never sends a request near this size; a bigger body is refused with 413 before anything runs. */
export const maxBodyBytes = 1024 * 1024;

/** A running Slack adapter; `port` is the bound HTTP port (HTTP and OAuth modes). */
export interface RunningSlack {
  name: 'slack';
  port?: number;
  /** True while Slack can reach Quorum: the Socket Mode socket is open, or the HTTP receiver listens. */
  connected(): boolean;
  stop(): Promise<void>;
}

// Warnings (a refused call, a bad signature) are one line; anything else is a bug and keeps its stack.
const stderrLog: SlackLog = (err, context) => {
  const detail = err instanceof Error ? (context.level === 'warn' || context.slackError ? err.message : (err.stack ?? err.message)) : String(err);
  process.stderr.write(`quorum slack: ${JSON.stringify(context)}: ${detail}\n`);
};

/** The Bolt app, and in Socket Mode its receiver (whose socket readiness watches). */
function createApp(deps: SlackDeps, config: NonNullable<Config['slack']>, options: StartSlackOptions): { app: App; socket?: SocketModeReceiver } {
  const clientOptions: webApi.WebClientOptions = {
    ...webApiRetries,
    fetch: observedFetch(options.observer ?? ignoreObserver),
    ...options.clientOptions,
    // Tests tune the retries' count and pace; none of them may resend a call that may have landed.
    retryConfig: { ...webApiRetries.retryConfig, ...options.clientOptions?.retryConfig, ...noBlindResend },
    ...(config.apiUrl && { slackApiUrl: config.apiUrl }),
  };
  const common = { logger: boltLogger(deps.log), clientOptions, ignoreSelf: true };
  if (config.mode === 'socket') {
    // Built here rather than by Bolt, so readiness can ask whether its socket is open.
    const socket = new SocketModeReceiver({ appToken: config.appToken ?? '', logger: common.logger, installerOptions: { clientOptions } });
    return { app: new App({ ...common, token: config.botToken, receiver: socket }), socket };
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
      installerOptions: { installPath: '/slack/install', directInstall: true, clientOptions, callbackOptions: onceOnlyStates(deps.quorum.stores.dedup) },
    });
    return { app: new App({ ...common, receiver: refuseFutureTimestamps(receiver) }) };
  }
  return { app: new App({ ...common, receiver: refuseFutureTimestamps(new HTTPReceiver(http)), token: config.botToken }) };
}

/** How far ahead of our clock a signed request may be dated: Bolt's own window for old ones. */
const maxRequestAheadMs = 5 * 60 * 1000;

/**
 * Bolt refuses a signed request older than five minutes but accepts one dated any time ahead, so a
 * captured request signed for the future could be replayed for as long as that. Refused with 401.
 */
function refuseFutureTimestamps(receiver: HTTPReceiver): HTTPReceiver {
  const inner = receiver.requestListener;
  receiver.requestListener = (req, res) => {
    const sent = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(sent) && sent * 1000 > Date.now() + maxRequestAheadMs) {
      res.writeHead(401).end();
      return;
    }
    inner(req, res);
  };
  return receiver;
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
  const observer = options.observer ?? ignoreObserver;
  const deps: SlackDeps = { quorum, log, replies: options.replies ?? createReplyQueue({ observer, log }) };
  const { app, socket } = createApp(deps, config, options);
  const track = options.track;
  if (track) app.use(({ next }) => track(next));
  app.use(dropRetries(quorum.stores.dedup, () => observer.retryDropped('slack')));
  registerSlashCommand(app, deps);
  registerMentions(app, deps);
  registerThreadMessages(app, deps);
  registerBlockActions(app, deps);
  registerAppHome(app, deps);
  registerUninstall(app, deps);
  app.error(async (err) => log(err, { where: 'slack listener' }));

  if (socket) {
    await app.start();
    return { name: 'slack', connected: () => socket.client.websocket?.isActive() ?? false, stop: () => app.stop().then(() => undefined) };
  }
  const server = await app.start({ port: config.port, ...(options.host && { host: options.host }) });
  const port = (server.address() as AddressInfo | null)?.port;
  return { name: 'slack', ...(port !== undefined && { port }), connected: () => server.listening, stop: () => app.stop().then(() => undefined) };
}

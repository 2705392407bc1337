import * as z from 'zod';
import { checkedOnce } from './checked-once.ts';

/** A wrong environment variable: the message names it and says what is allowed. */
export class ConfigError extends Error {
  readonly code = 'bad_config';
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

const durationUnits: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

/** Reads "7d", "12h", "30m", "45s" or "500ms" as milliseconds. */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d|w)\s*$/i.exec(text);
  if (!match) return undefined;
  const unit = durationUnits[match[2]!.toLowerCase()]!;
  const value = Number(match[1]) * unit;
  return value > 0 ? value : undefined;
}

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));

const url = (what: string) =>
  optionalText.refine((v) => v === undefined || /^https?:\/\/[^\s]+$/.test(v), {
    message: `must be an http(s) URL for the ${what}, e.g. http://127.0.0.1:4000/api/`,
  });

const EnvSchema = z
  .object({
    SLACK_BOT_TOKEN: optionalText,
    SLACK_APP_TOKEN: optionalText,
    SLACK_SIGNING_SECRET: optionalText,
    SLACK_CLIENT_ID: optionalText,
    SLACK_CLIENT_SECRET: optionalText,
    SLACK_STATE_SECRET: optionalText,
    SLACK_API_URL: url('Slack Web API'),
    PORT: optionalText.refine((v) => v === undefined || (/^\d+$/.test(v) && Number(v) < 65536), {
      message: 'must be a TCP port number between 0 and 65535',
    }),
    DISCORD_TOKEN: optionalText,
    DISCORD_APPLICATION_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be the numeric application id from the Discord developer portal',
    }),
    DISCORD_GUILD_ID: optionalText.refine((v) => v === undefined || /^\d{5,25}$/.test(v), {
      message: 'must be a numeric guild (server) id',
    }),
    DISCORD_MESSAGE_CONTENT: optionalText.refine((v) => v === undefined || /^(true|false|1|0|yes|no)$/i.test(v), {
      message: 'must be true or false',
    }),
    DISCORD_API_URL: url('Discord REST API'),
    DISCORD_SHARDS: optionalText.refine((v) => v === undefined || v === 'auto' || /^[1-9]\d*$/.test(v), {
      message: "must be 'auto' or a positive whole number",
    }),
    QUORUM_STORE: optionalText.refine((v) => v === undefined || /^(file:.+|memory:|postgres(ql)?:\/\/.+)$/.test(v), {
      message: "must be 'file:<directory>', 'memory:' or a postgres://… URL",
    }),
    QUORUM_SESSION_TTL: optionalText.refine((v) => v === undefined || parseDuration(v) !== undefined, {
      message: "must be a duration such as '7d', '12h' or '30m'",
    }),
    QUORUM_COSTS: optionalText,
    QUORUM_ISSUE_URL: optionalText.refine((v) => v === undefined || (/^https?:\/\//i.test(v) && /\{title\}|\{body\}/.test(v)), {
      message: 'must be an http(s) URL template with {title} and/or {body}, e.g. https://tracker.example/new?title={title}&body={body}',
    }),
    QUORUM_FILES: optionalText,
    LOG_LEVEL: optionalText.refine(
      (v) => v === undefined || ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(v),
      { message: 'must be one of fatal, error, warn, info, debug, trace, silent' },
    ),
  })
  .superRefine((env, ctx) => {
    const needs = (when: boolean, variable: string, message: string) => {
      if (when) ctx.addIssue({ code: 'custom', path: [variable], message });
    };
    const oauth = Boolean(env.SLACK_CLIENT_ID || env.SLACK_CLIENT_SECRET || env.SLACK_STATE_SECRET);
    if (oauth) {
      for (const v of ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET', 'SLACK_SIGNING_SECRET'] as const) {
        needs(!env[v], v, 'is needed for multi-workspace install over OAuth (set all four of SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET, SLACK_SIGNING_SECRET)');
      }
    } else if (env.SLACK_BOT_TOKEN) {
      needs(
        !env.SLACK_APP_TOKEN && !env.SLACK_SIGNING_SECRET,
        'SLACK_APP_TOKEN',
        'is needed with SLACK_BOT_TOKEN: set SLACK_APP_TOKEN (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for the HTTP receiver',
      );
      needs(!/^xoxb-/.test(env.SLACK_BOT_TOKEN), 'SLACK_BOT_TOKEN', "must be a bot token starting with 'xoxb-'");
    } else {
      needs(Boolean(env.SLACK_APP_TOKEN), 'SLACK_BOT_TOKEN', 'is needed when SLACK_APP_TOKEN is set (Socket Mode needs both)');
    }
    needs(Boolean(env.SLACK_APP_TOKEN) && !/^xapp-/.test(env.SLACK_APP_TOKEN ?? ''), 'SLACK_APP_TOKEN', "must be an app-level token starting with 'xapp-'");
    needs(Boolean(env.DISCORD_TOKEN) && !env.DISCORD_APPLICATION_ID, 'DISCORD_APPLICATION_ID', 'is needed with DISCORD_TOKEN');
  });

/** How Slack is reached, if at all. */
export type SlackMode = 'socket' | 'http' | 'oauth';

/** Quorum's configuration, read once from the environment. */
export interface Config {
  slack?: {
    mode: SlackMode;
    botToken?: string;
    appToken?: string;
    signingSecret?: string;
    clientId?: string;
    clientSecret?: string;
    stateSecret?: string;
    apiUrl?: string;
    port: number;
  };
  discord?: {
    token: string;
    applicationId: string;
    guildId?: string;
    messageContent: boolean;
    apiUrl?: string;
    shards?: number | 'auto';
  };
  /** `PORT` (loadConfig always sets it, default 3000): the Slack HTTP receiver's, and the ops server's in every serving mode. */
  port?: number;
  store: string;
  sessionTtlMs: number;
  costsFile?: string;
  /** "Open as issue" link template (QUORUM_ISSUE_URL), {title} and {body} filled in URL-encoded. */
  issueUrlTemplate?: string;
  /** Where the terminal and CLI write files (diagrams, exports); `loadConfig` sets it, `defaultFilesDir` when unset. */
  filesDir?: string;
  logLevel: string;
}

/** Where files go when QUORUM_FILES is unset (interface.md). */
export const defaultFilesDir = './var/files';

/** Parses the environment into a Config, or throws a ConfigError naming every wrong variable. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = EnvSchema.safeParse(env, checkedOnce);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${String(issue.path[0] ?? 'environment')} ${issue.message}`);
    throw new ConfigError(`Quorum cannot start: ${lines.join('; ')}.`);
  }
  const e = parsed.data;
  const port = e.PORT ? Number(e.PORT) : 3000;
  const slackMode: SlackMode | undefined = e.SLACK_CLIENT_ID
    ? 'oauth'
    : e.SLACK_BOT_TOKEN && e.SLACK_APP_TOKEN
      ? 'socket'
      : e.SLACK_BOT_TOKEN
        ? 'http'
        : undefined;
  return {
    ...(slackMode && {
      slack: {
        mode: slackMode,
        botToken: e.SLACK_BOT_TOKEN,
        appToken: e.SLACK_APP_TOKEN,
        signingSecret: e.SLACK_SIGNING_SECRET,
        clientId: e.SLACK_CLIENT_ID,
        clientSecret: e.SLACK_CLIENT_SECRET,
        stateSecret: e.SLACK_STATE_SECRET,
        apiUrl: e.SLACK_API_URL,
        port,
      },
    }),
    ...(e.DISCORD_TOKEN &&
      e.DISCORD_APPLICATION_ID && {
        discord: {
          token: e.DISCORD_TOKEN,
          applicationId: e.DISCORD_APPLICATION_ID,
          guildId: e.DISCORD_GUILD_ID,
          messageContent: /^(true|1|yes)$/i.test(e.DISCORD_MESSAGE_CONTENT ?? ''),
          apiUrl: e.DISCORD_API_URL,
          shards: e.DISCORD_SHARDS === 'auto' ? 'auto' : e.DISCORD_SHARDS ? Number(e.DISCORD_SHARDS) : undefined,
        },
      }),
    port,
    store: e.QUORUM_STORE ?? 'file:./var/quorum',
    sessionTtlMs: parseDuration(e.QUORUM_SESSION_TTL ?? '7d')!,
    costsFile: e.QUORUM_COSTS,
    issueUrlTemplate: e.QUORUM_ISSUE_URL,
    filesDir: e.QUORUM_FILES ?? defaultFilesDir,
    logLevel: e.LOG_LEVEL ?? 'info',
  };
}

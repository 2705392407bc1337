import { createHmac } from 'node:crypto';

/** The signing secret every Slack test uses. */
export const testSigningSecret = 'test-signing-secret-0123456789abcdef';

/** Slack's request signature: v0=HMAC-SHA256(secret, "v0:<timestamp>:<body>"). */
export function signRequest(body: string, options: { secret?: string; timestamp?: number } = {}): Record<string, string> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = createHmac('sha256', options.secret ?? testSigningSecret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': `v0=${signature}` };
}

/** What a signed POST to /slack/events came back with. */
export interface PostResult {
  status: number;
  body: string;
}

/** POSTs a body to the app's events endpoint, signed unless `headers` override the signature. */
export async function postToSlackApp(
  port: number,
  body: string,
  options: { form?: boolean; secret?: string; timestamp?: number; headers?: Record<string, string> } = {},
): Promise<PostResult> {
  const response = await fetch(`http://127.0.0.1:${port}/slack/events`, {
    method: 'POST',
    headers: {
      'content-type': options.form ? 'application/x-www-form-urlencoded' : 'application/json',
      ...signRequest(body, options),
      ...options.headers,
    },
    body,
  });
  return { status: response.status, body: await response.text() };
}

/** Where a request comes from. */
export interface Origin {
  team: string;
  channel: string;
  user: string;
}

/** A `/quorum` slash command as Slack form-encodes it. */
export function slashCommandBody(origin: Origin, text: string, responseUrl: string): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: origin.team,
    team_domain: 'test',
    channel_id: origin.channel,
    channel_name: 'design',
    user_id: origin.user,
    user_name: `name-${origin.user}`,
    command: '/quorum',
    text,
    api_app_id: 'AFAKE',
    is_enterprise_install: 'false',
    response_url: responseUrl,
    trigger_id: '123.456.abc',
  }).toString();
}

let eventCounter = 0;

/** A fresh event id, unique within the test run. */
export function newEventId(): string {
  eventCounter += 1;
  return `Ev${Date.now().toString(36)}${eventCounter}`;
}

/** An Events API callback wrapping one event. */
export function eventBody(origin: Pick<Origin, 'team'>, event: Record<string, unknown>, eventId = newEventId()): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: origin.team,
    api_app_id: 'AFAKE',
    event: { event_ts: event.ts ?? '1.0', ...event },
    type: 'event_callback',
    event_id: eventId,
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ enterprise_id: null, team_id: origin.team, user_id: 'UBOT', is_bot: true, is_enterprise_install: false }],
    is_ext_shared_channel: false,
  });
}

/** A block_actions payload for a click on one element of a message. */
export function blockActionBody(
  origin: Origin,
  action: Record<string, unknown>,
  options: { messageTs: string; threadTs?: string; ephemeral?: boolean; responseUrl: string },
): string {
  const payload = {
    type: 'block_actions',
    user: { id: origin.user, username: `name-${origin.user}`, name: `name-${origin.user}`, team_id: origin.team },
    api_app_id: 'AFAKE',
    token: 'legacy-verification-token',
    container: { type: 'message', message_ts: options.messageTs, channel_id: origin.channel, is_ephemeral: Boolean(options.ephemeral) },
    trigger_id: '123.456.def',
    team: { id: origin.team, domain: 'test' },
    enterprise: null,
    is_enterprise_install: false,
    channel: { id: origin.channel, name: 'design' },
    ...(!options.ephemeral && { message: { type: 'message', ts: options.messageTs, ...(options.threadTs && { thread_ts: options.threadTs }), text: '' } }),
    response_url: options.responseUrl,
    actions: [{ action_ts: `${Date.now() / 1000}`, ...action }],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';

/** A running bare Bolt app and its bound HTTP port. */
export interface BareBolt {
  port: number;
  stop(): Promise<void>;
}

/**
 * The baseline Slack app: plain Bolt on the HTTP receiver, configured like Quorum's (same endpoint,
 * signing secret and Web API URL), whose only listener acks `/quorum` and echoes the text back
 * privately through `respond`, as Quorum answers a lookup.
 */
export async function startBareBolt(options: { apiUrl: string; signingSecret: string; port?: number; host?: string }): Promise<BareBolt> {
  const app = new App({
    token: 'xoxb-bench-token',
    signingSecret: options.signingSecret,
    endpoints: '/slack/events',
    processBeforeResponse: false,
    logLevel: LogLevel.ERROR,
    clientOptions: { slackApiUrl: options.apiUrl },
  });
  app.command('/quorum', async ({ command, ack, respond }) => {
    await ack();
    await respond({ response_type: 'ephemeral', replace_original: false, text: command.text });
  });
  app.event('message', async ({ event, client }) => {
    const message = event as { text?: string; channel: string; thread_ts?: string; bot_id?: string };
    if (message.bot_id || !message.thread_ts) return;
    await client.chat.postMessage({ channel: message.channel, thread_ts: message.thread_ts, text: message.text ?? '' });
  });
  const server = await app.start({ port: options.port ?? 0, ...(options.host && { host: options.host }) });
  const port = (server.address() as AddressInfo).port;
  return { port, stop: () => app.stop().then(() => undefined) };
}

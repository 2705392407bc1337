// Baseline for the production start-up figure: a bare Bolt app as plain JavaScript, run with plain
// `node` exactly as `node dist/main.js` runs Quorum (no loader). HTTP receiver on PORT, Web API at
// SLACK_API_URL; prints one JSON line once it listens.
import { App, LogLevel } from '@slack/bolt';

const app = new App({
  token: 'xoxb-bench-token',
  signingSecret: process.env.SLACK_SIGNING_SECRET ?? 'bench-signing-secret',
  endpoints: '/slack/events',
  processBeforeResponse: false,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL },
});
app.command('/quorum', async ({ command, ack, respond }) => {
  await ack();
  await respond({ response_type: 'ephemeral', text: command.text });
});
const server = await app.start({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.stdout.write(`${JSON.stringify({ event: 'started', port: server.address().port })}\n`);
process.on('SIGTERM', () => void app.stop().then(() => process.exit(0)));

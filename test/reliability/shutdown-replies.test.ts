import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { spawnQuorum } from '../helpers/quorum-process.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';

describe('SIGTERM while a reply waits for its retry', () => {
  it('tries the reply at once instead of after its wait, posts it once, then exits 0', async () => {
    const fake = await startFakeSlack();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-shutdown-replies-'));
    const quorum = spawnQuorum(
      { SLACK_BOT_TOKEN: 'xoxb-replies', SLACK_SIGNING_SECRET: testSigningSecret, SLACK_API_URL: fake.apiUrl, PORT: '0', QUORUM_STORE: `file:${directory}`, LOG_LEVEL: 'info' },
      directory,
    );
    try {
      const started = await quorum.lineWhere((l) => l.event === 'started');
      const port = (started.adapters as Array<{ name: string; port?: number }>).find((a) => a.name === 'slack')!.port!;
      // Three tries of two calls each fail; the reply then waits about 30 s (±25%) for its fourth, longer than the 10 s drain.
      fake.failNext('chat.postMessage', 6, { status: 500 });
      const thread = '1700002000.000001';
      const body = eventBody({ team: 'T-SR' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> help', ts: thread, channel: 'C-SR' });
      expect((await postToSlackApp(port, body)).status).toBe(200);
      const waiting = await quorum.lineWhere((l) => l.tries === 3 && /^retrying in \d+ ms$/.test(String(l.reply)));
      const waitMs = Number(/\d+/.exec(String(waiting.reply))![0]);
      expect(waitMs).toBeGreaterThanOrEqual(22_500);
      expect(waitMs).toBeLessThanOrEqual(37_500);
      const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
      expect(metrics).toMatch(/^quorum_replies_waiting 1$/m);
      expect(metrics).toMatch(/^quorum_replies_retried_total\{platform="slack"\} 3$/m);

      quorum.child.kill('SIGTERM');
      const [code] = (await once(quorum.child, 'exit')) as [number | null];
      expect(code, quorum.stderr()).toBe(0);
      expect(quorum.lines.find((l) => l.event === 'shutdown')).toMatchObject({ repliesWaiting: 1 });
      expect(quorum.lines.some((l) => l.event === 'stopped')).toBe(true);
      expect(fake.posted('C-SR', thread)).toHaveLength(1);
      expect(fake.failedCalls('chat.postMessage')).toBe(6);
    } finally {
      quorum.kill();
      await fake.close();
      await rm(directory, { recursive: true, force: true });
    }
  }, 120_000);
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlack, type RunningSlack } from '../../src/adapters/slack/start-slack.ts';
import { createQuorum, type Quorum } from '../../src/bootstrap.ts';
import type { Core } from '../../src/dialog/core.ts';
import { withTurnLog } from '../../src/turn-log.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';
import { startFakeSlack, type FakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';
import { capturedLogger } from './log-capture.ts';

const typed = 'name Project Nightingale launch plan';

describe('structured logs of turns', () => {
  let core: Core;
  beforeAll(async () => {
    ({ core } = await makeCore());
  });

  it('writes one info line per turn with a request id, platform, kind, duration and outcome, and not the text', async () => {
    const { log, lines, raw } = capturedLogger('info');
    const logged = withTurnLog(core, log);
    await logged.handle(said(typed, 'alice', { platform: 'slack', workspace: 'T1', channel: 'C1', thread: 't-log' }));
    await logged.handle(said('set writesPerSec lots', 'alice', { platform: 'discord', workspace: 'G1', channel: 'C1', thread: 't-log' }));
    expect(lines).toHaveLength(2);
    const [first, second] = lines;
    expect(first).toMatchObject({ level: 30, name: 'quorum', platform: 'slack', workspace: 'T1', kind: 'name', outcome: 'ok', replies: 1, msg: 'turn handled' });
    expect(second).toMatchObject({ platform: 'discord', kind: 'set', outcome: 'error:bad_value' });
    for (const line of lines) {
      expect(line.reqId).toMatch(/^[0-9a-f]{12}$/);
      expect(typeof line.durationMs).toBe('number');
      expect(typeof line.time).toBe('number');
    }
    expect(first!.reqId).not.toBe(second!.reqId);
    expect(raw.join('\n')).not.toContain('Nightingale');
    expect(raw.join('\n')).not.toContain('lots');
  });

  it('includes what was said at debug level, under the same request id', async () => {
    const { log, lines } = capturedLogger('debug');
    await withTurnLog(core, log).handle(said(typed, 'alice', { thread: 't-debug' }));
    const received = lines.find((l) => l.msg === 'turn received');
    const handled = lines.find((l) => l.msg === 'turn handled');
    expect(received).toMatchObject({ level: 20, text: typed });
    expect(handled?.reqId).toBe(received?.reqId);
  });

  it('keeps message text out of info lines and redacts credentials at every level, whatever a caller passes', () => {
    const { log, raw } = capturedLogger('debug');
    log.info({ text: 'private words', said: 'more private words', config: { botToken: 'xoxb-secret-1', signingSecret: 'sig-secret-2' } }, 'careless');
    log.debug({ token: 'xapp-secret-3', headers: { authorization: 'Bot secret-4', 'x-slack-signature': 'v0=secret-5' } }, 'careless too');
    const all = raw.join('\n');
    for (const secret of ['private words', 'xoxb-secret-1', 'sig-secret-2', 'xapp-secret-3', 'secret-4', 'secret-5']) expect(all).not.toContain(secret);
    expect(all).toContain('[redacted]');
  });
});

describe('structured logs of a Slack request', () => {
  let fake: FakeSlack;
  let quorum: Quorum;
  let slack: RunningSlack;
  const captured = capturedLogger('info');

  beforeAll(async () => {
    fake = await startFakeSlack();
    const opened = await createQuorum({ store: 'memory:', sessionTtlMs: 86_400_000, logLevel: 'info' });
    quorum = { ...opened, core: withTurnLog(opened.core, captured.log) };
    slack = await startSlack(
      quorum,
      { mode: 'http', botToken: 'xoxb-never-logged-0123', signingSecret: testSigningSecret, apiUrl: fake.apiUrl, port: 0 },
      (err, context) => captured.log.warn({ ...context, err }, 'slack'),
      { host: '127.0.0.1' },
    );
  });
  afterAll(async () => {
    await slack.stop();
    await quorum.close();
    await fake.close();
  });

  it('logs the turn of a mention with platform slack, and no token, signature or message text', async () => {
    const body = eventBody({ team: 'T-LOG' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> what is Project Nightingale?', ts: '1700000500.000001', channel: 'C-LOG' });
    expect((await postToSlackApp(slack.port!, body)).status).toBe(200);
    await fake.waitFor('chat.postMessage');
    const turn = captured.lines.find((l) => l.msg === 'turn handled');
    expect(turn).toMatchObject({ platform: 'slack', workspace: 'T-LOG', channel: 'C-LOG', kind: 'question', outcome: 'ok' });
    const all = captured.raw.join('\n');
    for (const secret of ['Nightingale', 'xoxb-never-logged', testSigningSecret]) expect(all).not.toContain(secret);
  });
});

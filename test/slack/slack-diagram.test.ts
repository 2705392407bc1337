import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { pngSize } from '../diagram/png.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from './slack-harness.ts';

const where = { team: 'T-draw', channel: 'C-draw', user: 'U1' };
const thread = '1700000300.000001';

/** The PNG inside an upload body, whether the SDK sent the bytes raw or as a form part. */
function pngIn(bytes: Buffer): Buffer {
  const at = bytes.indexOf(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  expect(at, 'the upload holds a PNG').toBeGreaterThanOrEqual(0);
  return bytes.subarray(at);
}

describe('the diagram in a Slack thread', () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());

  it('uploads the architecture as a PNG into the thread when the card’s Diagram button is clicked', async () => {
    let since = h.fake.calls.length;
    await h.event(where, { type: 'app_mention', user: 'U1', text: '<@UBOT> set domain financial', ts: thread, channel: where.channel });
    let n = 0;
    for (const text of ['set writesPerSec 3k', 'set availability 99.99%', 'assess']) {
      n += 1;
      await h.event(where, { type: 'message', channel: where.channel, channel_type: 'channel', thread_ts: thread, ts: `1700000301.00000${n}`, user: 'U1', text });
    }
    await h.settle(since);
    const card = postsIn(h.fake, where.channel, thread).find((p) => controlsOf(p).some((c) => decodeButtonValue(c.value)?.value === 'diagram'));
    expect(card, `a card with a Diagram button in the thread: ${JSON.stringify(h.fake.calls.slice(since).map((c) => [c.method, c.params.thread_ts, String(c.params.text).slice(0, 80)]))}`).toBeDefined();
    const button = controlsOf(card!).find((c) => decodeButtonValue(c.value)?.value === 'diagram')!;

    since = h.fake.calls.length;
    await h.click(where, { type: 'button', action_id: button.action_id, block_id: 'b', value: button.value }, { messageTs: '1700000300.000002', threadTs: thread });
    const [completed] = await h.fake.waitFor('files.completeUploadExternal');
    expect(completed!.params).toMatchObject({ channel_id: where.channel, thread_ts: thread });
    const [uploaded] = h.fake.callsTo('upload');
    const png = pngIn(uploaded!.params.bytes as Buffer);
    expect(pngSize(png).width).toBeGreaterThanOrEqual(800);
    const asked = h.fake.callsTo('files.getUploadURLExternal').at(-1)!;
    expect(String(asked.params.filename)).toMatch(/-v1-diagram\.png$/);
    await h.settle(since);
  });
});

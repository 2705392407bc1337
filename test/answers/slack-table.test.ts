import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from '../slack/slack-harness.ts';
import { runQuestionTable } from '../helpers/question-table-runner.ts';

let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the team-question table asked by mentioning Quorum in a Slack channel', () => {
  it('answers each question in its thread first, with the entries as buttons, through the real Bolt app', async () => {
    await runQuestionTable(async (question, i) => {
      const channel = `C-question-${i}`;
      const ts = `1700001000.${String(i).padStart(6, '0')}`;
      const before = h.fake.callsTo('chat.postMessage').length;
      const res = await h.event({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: `<@UBOT> ${question}`, ts, channel });
      expect(res.status).toBe(200);
      await h.fake.waitFor('chat.postMessage', before + 1);
      const post = postsIn(h.fake, channel, ts)[0];
      if (!post) throw new Error(`no reply in the thread of "${question}"`);
      const choices = controlsOf(post).flatMap((c) => {
        if (c.value) return [{ label: c.text?.text ?? '', value: decodeButtonValue(c.value)?.value ?? '' }];
        return (c.options ?? []).map((o) => ({ label: o.text.text, value: o.value }));
      });
      return { text: String(post.params.text), choices };
    });
    expect(h.logs).toEqual([]);
  }, 120_000); // the whole table, one question after another: minutes on a loaded machine, seconds on a quiet one
});

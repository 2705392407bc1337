import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeButtonValue } from '../../src/adapters/slack/action-value.ts';
import { controlsOf, postsIn, startHarness, type SlackHarness } from '../slack/slack-harness.ts';
import { handedToRequirements, judge, loadQuestionTable, summarize } from './question-table.ts';

const all = loadQuestionTable();
/** The rows a chat answers; the few descriptions it hands to the requirements reader are checked apart. */
const table = all.filter((q) => !handedToRequirements(q));
const descriptions = all.filter(handedToRequirements);
let h: SlackHarness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe('the team-question table asked by mentioning Quorum in a Slack channel', () => {
  it('answers each question in its thread first, with the entries as buttons, through the real Bolt app', async () => {
    const verdicts = [];
    for (const [i, q] of table.entries()) {
      const channel = `C-question-${i}`;
      const ts = `1700001000.${String(i).padStart(6, '0')}`;
      const before = h.fake.callsTo('chat.postMessage').length;
      const res = await h.event({ team: 'T1' }, { type: 'app_mention', user: 'U1', text: `<@UBOT> ${q.text}`, ts, channel });
      expect(res.status).toBe(200);
      await h.fake.waitFor('chat.postMessage', before + 1);
      const post = postsIn(h.fake, channel, ts)[0];
      if (!post) throw new Error(`no reply in the thread of "${q.text}"`);
      const choices = controlsOf(post).flatMap((c) => {
        if (c.value) return [{ label: c.text?.text ?? '', value: decodeButtonValue(c.value)?.value ?? '' }];
        return (c.options ?? []).map((o) => ({ label: o.text.text, value: o.value }));
      });
      const text = String(post.params.text);
      const asks = /\?/.test(text.split('\n')[0] ?? '') && choices.length >= 2;
      verdicts.push(judge(q, { text, choices, kind: asks ? 'question' : 'answer' }));
    }
    const { firstRate, topThreeRate, misses } = summarize(table, verdicts);
    expect(firstRate, misses.join('\n')).toBeGreaterThanOrEqual(0.92);
    expect(topThreeRate, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
    expect(verdicts.every((v) => v.number && v.opening && v.yesNo && v.clarifies), misses.join('\n')).toBe(true);
    expect(h.logs).toEqual([]);
  });
});

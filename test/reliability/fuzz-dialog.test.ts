import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LongValues } from '../../src/adapters/discord/custom-id.ts';
import { renderReply } from '../../src/adapters/discord/render-message.ts';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.ts';
import { renderText } from '../../src/adapters/terminal/render-text.ts';
import type { Core } from '../../src/dialog/core.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import type { Turn } from '../../src/dialog/turn.ts';
import { limitViolations as discordViolations } from '../discord/limits-check.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { limitViolations as slackViolations, liveMentions } from '../slack/block-limits.ts';
import { hostileText, liveMassMentions } from './hostile-text.ts';

// A conversation is a list of steps: something typed, or a click on one of the last reply's
// buttons (or on a made-up value) drawn for a version that may be long gone.
type Step =
  | { kind: 'say'; text: string }
  | { kind: 'click'; pick: number; versionShift: number | null; madeUp: string };

const step: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: hostileText.map((text): Step => ({ kind: 'say', text })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ pick: fc.nat(40), versionShift: fc.option(fc.integer({ min: -3, max: 3 })), madeUp: hostileText })
      .map((c): Step => ({ kind: 'click', ...c })),
  },
);

const platforms = ['terminal', 'slack', 'discord'] as const;

/** Runs a renderer; a throw is a problem like any other. */
function rendered<T>(surface: string, render: () => T[], problems: string[]): T[] {
  try {
    const messages = render();
    if (messages.length === 0) problems.push(`${surface}: no message`);
    return messages;
  } catch (err) {
    problems.push(`${surface}: renderer threw ${String(err)}`);
    return [];
  }
}

/** Everything wrong with one reply, on every surface it can be drawn on. */
function problemsOf(reply: Reply): string[] {
  const problems: string[] = [];
  if (reply.text.trim() === '') problems.push(`empty text in a ${reply.kind} reply`);
  const shown = [reply.text, reply.title, reply.summary, ...(reply.fields ?? []).flatMap((f) => [f.label, f.value]), ...(reply.choices ?? []).map((c) => c.label)];
  for (const text of shown) if (text) problems.push(...liveMassMentions(text).map((m) => `live ${m} in the reply`));
  const [terminal] = rendered('terminal', () => [renderText(reply)], problems);
  if (terminal?.trim() === '') problems.push('terminal: empty rendering');
  for (const message of rendered('slack', () => renderBlocks(reply, { context: { thread: '1700000000.000100' } }), problems)) {
    problems.push(...slackViolations(message).map((p) => `slack: ${p}`), ...liveMentions(message).map((m) => `slack: live ${m}`));
  }
  const discordContext = { designVersion: reply.design?.version ?? 0, sessionVersion: 1, values: new LongValues() };
  for (const message of rendered('discord', () => renderReply(reply, discordContext), problems)) {
    problems.push(...discordViolations(message).map((p) => `discord: ${p}`));
    if (!message.content?.trim() && message.embeds.length === 0) problems.push('discord: a message with neither content nor embeds');
  }
  return problems;
}

function describeTurn(turn: Turn): string {
  const text = turn.text ?? turn.action?.value ?? '';
  const shown = text.length > 200 ? `${text.slice(0, 200)}… (${text.length} characters)` : text;
  return `${turn.action ? 'click' : 'say'} ${JSON.stringify(shown)}${turn.action?.version !== undefined ? ` drawn for v${turn.action.version}` : ''}`;
}

describe('the dialog core and renderers under fuzzed conversations', () => {
  let core: Core;
  const bugs: unknown[] = [];
  let turns = 0;
  let huge = 0;
  let conversations = 0;

  beforeAll(async () => {
    ({ core } = await makeCore({ errors: bugs }));
  });

  afterAll(() => {
    console.log(`fuzz: ${turns} turns in ${conversations} conversations (${huge} over 4,000 characters)`);
  });

  it('has a checker that notices an empty reply, a live mention and a live mass mention', () => {
    expect(problemsOf({ kind: 'info', text: ' ' })).toContain('empty text in a info reply');
    expect(problemsOf({ kind: 'entry', text: 'x', title: 'y'.repeat(400) }).some((p) => p.startsWith('slack:'))).toBe(false);
    expect(problemsOf({ kind: 'info', text: 'hi @everyone' }).some((p) => p.includes('@everyone'))).toBe(true);
    expect(problemsOf({ kind: 'entry', text: 'x', title: 'hi <!here>' }).some((p) => p.includes('<!here'))).toBe(true);
  });

  it('answers every turn with at least one non-empty reply that fits every platform and pings nobody', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 6, maxLength: 30 }), fc.constantFrom(...platforms), fc.nat(3), async (steps, platform, workspace) => {
        conversations += 1;
        const place = { platform, workspace: `W${workspace}`, channel: 'C1', thread: `fuzz-${conversations}` };
        let last: Reply[] = [];
        for (const s of steps) {
          let turn: Turn;
          if (s.kind === 'say') {
            turn = { ...place, user: 'U1', text: s.text };
            if (s.text.length > 4000) huge += 1;
          } else {
            const choices = last.flatMap((r) => r.choices ?? []);
            const version = last.find((r) => r.design)?.design?.version ?? 1;
            const value = choices.length > 0 ? choices[s.pick % choices.length]!.value : s.madeUp;
            turn = { ...place, user: 'U2', action: { value, ...(s.versionShift !== null && { version: Math.max(0, version + s.versionShift) }) } };
          }
          turns += 1;
          const replies = (await core.handle(turn)).replies;
          const problems = replies.flatMap(problemsOf);
          if (replies.length === 0 || problems.length > 0 || bugs.length > 0) {
            expect({ turn: describeTurn(turn), replies: replies.length, problems, bugs }).toEqual({ turn: describeTurn(turn), replies: replies.length || 'none', problems: [], bugs: [] });
          }
          last = replies;
        }
      }),
      { numRuns: 1000 },
    );
    expect(turns).toBeGreaterThanOrEqual(10_000);
  }, 120_000);
});

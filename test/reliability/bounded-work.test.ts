import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LongValues } from '../../src/adapters/discord/custom-id.ts';
import { autocompleteChoices } from '../../src/adapters/discord/catalog-choices.ts';
import { maxMessagesPerReply as discordMessages, renderReply } from '../../src/adapters/discord/render-message.ts';
import { maxMessagesPerReply as slackMessages, renderBlocks } from '../../src/adapters/slack/render-blocks.ts';
import { stripBotMention, unescapeSlackText } from '../../src/adapters/slack/slack-turn.ts';
import { renderText } from '../../src/adapters/terminal/render-text.ts';
import { readFigures } from '../../src/answers/sizing/figures.ts';
import { parseCommand } from '../../src/dialog/command-parser.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { UserError } from '../../src/errors.ts';
import { parseFieldValue } from '../../src/rules/field-kinds.ts';
import { parseRequirementsText } from '../../src/rules/parsers/free-text.ts';
import { requirementFields } from '../../src/rules/requirements.ts';
import { limitViolations as discordViolations } from '../discord/limits-check.ts';
import { makeCore, realFramework } from '../helpers/dialog-harness.ts';
import { commandHeads, longWord, repeated, repeatedPieces, tails } from '../helpers/pathological-text.ts';
import { said } from '../helpers/turns.ts';
import { limitViolations as slackViolations } from '../slack/block-limits.ts';

// These inputs used to exhaust the heap (a 700-letter word in the typo search) or block the event
// loop for minutes (a regions list ending in a separator). Each property feeds inputs up to 100,000
// characters to one entry point; bounded work means each finishes, answers, and stays within limits.

/** Runs `parse`; the only acceptable failure is a UserError. */
function userErrorsOnly(parse: () => unknown): void {
  try {
    parse();
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
  }
}

const wordLength = fc.integer({ min: 1, max: 100_000 });
const hostileRepeat = fc
  .record({ head: fc.constantFrom(...commandHeads), piece: fc.constantFrom(...repeatedPieces), length: fc.integer({ min: 1, max: 100_000 }), tail: fc.constantFrom(...tails) })
  .map(({ head, piece, length, tail }) => repeated(head, piece, length, tail));
/** Repetitions the core reads in full (it refuses longer messages at once): a pattern sees every character. */
const readableRepeat = fc
  .record({ head: fc.constantFrom(...commandHeads), piece: fc.constantFrom(...repeatedPieces), length: fc.integer({ min: 20, max: 4000 }), tail: fc.constantFrom(...tails) })
  .map(({ head, piece, length, tail }) => repeated(head, piece, length, tail));

describe('work per input is bounded, whatever its length', () => {
  it('a lookup of one long word (up to 100,000 letters) answers without building its typo variants', async () => {
    const { search } = await realFramework();
    const { core } = await makeCore();
    fc.assert(
      fc.property(wordLength, fc.integer({ min: 1, max: 2 ** 31 }), (length, seed) => {
        const word = longWord(length, seed);
        expect(search.lookup(word).results.length).toBeLessThanOrEqual(10);
        expect(autocompleteChoices(core, word).length).toBeLessThanOrEqual(25);
      }),
      { numRuns: 40 },
    );
  });

  it('a sizing question holding one long run of digits is read in linear time', () => {
    // Each figure pattern retried its number from every digit of a run: 4,000 digits took a second, 100,000 never finished.
    // Space- or comma-grouped thousands made each group a new start of an unbounded group run (quadratic too).
    for (const run of ['9'.repeat(100_000), '99.'.repeat(30_000), '1,000'.repeat(20_000), ' 000'.repeat(25_000), ',000'.repeat(25_000)]) {
      expect(() => readFigures(`how many replicas for ${run} writes/s`)).not.toThrow();
    }
  });

  it('a lookup of many medium words or a long run of capitals answers', async () => {
    const { search } = await realFramework();
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 8, max: 40 }), (count, size) => {
        const words = Array.from({ length: count }, (_, i) => longWord(size, i + 1)).join(' ').slice(0, 100_000);
        expect(Array.isArray(search.lookup(words).results)).toBe(true);
      }),
      { numRuns: 20 },
    );
    expect(Array.isArray(search.lookup('A'.repeat(100_000)).results)).toBe(true);
  });

  it('every command and field parser reads pathological repetitions up to 100,000 characters, or refuses them as a user error', () => {
    fc.assert(
      fc.property(hostileRepeat, (text) => {
        userErrorsOnly(() => parseCommand(text));
        userErrorsOnly(() => parseRequirementsText(text));
        userErrorsOnly(() => parseRequirementsText(text.slice(0, 4000)));
        for (const field of requirementFields) userErrorsOnly(() => parseFieldValue(field, text));
        expect(typeof stripBotMention(text, 'U1')).toBe('string');
        expect(typeof unescapeSlackText(text)).toBe('string');
      }),
      { numRuns: 100 },
    );
  });

  it('a regions list ending in a separator is read in linear time ("eu + eu + … +")', () => {
    for (const count of [20, 200, 700]) {
      const text = `${'eu + '.repeat(count)}+`;
      userErrorsOnly(() => parseRequirementsText(text));
      userErrorsOnly(() => parseFieldValue('regions', text));
      expect(parseCommand(`assess ${text}`)).toBeDefined();
    }
  });

  it('every command through the core answers pathological repetitions with a reply', async () => {
    const { core } = await makeCore();
    await fc.assert(
      fc.asyncProperty(readableRepeat, fc.constantFrom('t1', 't2'), async (text, thread) => {
        const { replies } = await core.handle(said(text, 'alice', { thread }));
        expect(replies.length).toBeGreaterThan(0);
        expect(replies.some((r) => r.error?.code === 'internal')).toBe(false);
      }),
      { numRuns: 120 },
    );
  });

  it('the terminal shows a long choice command by its number only, so 250 choices of 4,000-character commands stay a bounded text', () => {
    const long = 'x'.repeat(3990);
    const reply: Reply = { kind: 'info', text: 'pick one', choices: Array.from({ length: 250 }, (_, i) => ({ label: `option ${i}`, value: `show ${long}${i}` })) };
    const text = renderText(reply);
    expect(text.length).toBeLessThan(20_000);
    expect(text).toContain('#250 option 249');
    expect(renderText({ kind: 'info', text: 'pick', choices: [{ label: 'Show P8', value: 'show P8 details' }] })).toContain('#1 Show P8 (show P8 details)');
  });

  it('renderers post a bounded number of messages within platform limits for replies of any size', () => {
    const reply = fc
      .record({
        text: fc.constantFrom('word ', 'x', 'line\n', '*_~`|\\', '<!channel> ', '&<>'),
        length: fc.integer({ min: 1, max: 1_000_000 }),
        structured: fc.boolean(),
        fields: fc.integer({ min: 0, max: 300 }),
        choices: fc.integer({ min: 0, max: 300 }),
      })
      .map(({ text, length, structured, fields, choices }): Reply => {
        const long = text.repeat(Math.ceil(length / text.length)).slice(0, length);
        return {
          kind: 'info',
          text: long,
          ...(structured && { title: long, summary: long, fields: Array.from({ length: fields }, (_, i) => ({ label: `${i}${long}`, value: long })) }),
          choices: Array.from({ length: choices }, (_, i) => ({ label: long, value: i % 2 ? `show P${i}` : `show ${long}` })),
        };
      });
    fc.assert(
      fc.property(reply, (r) => {
        const slack = renderBlocks(r, { context: { thread: '1700000000.000100' } });
        expect(slack.length).toBeGreaterThan(0);
        expect(slack.length).toBeLessThanOrEqual(slackMessages + 2);
        for (const message of slack) expect(slackViolations(message)).toEqual([]);
        const discord = renderReply(r, { designVersion: 0, values: new LongValues() });
        expect(discord.length).toBeGreaterThan(0);
        expect(discord.length).toBeLessThanOrEqual(discordMessages);
        for (const message of discord) expect(discordViolations(message)).toEqual([]);
        expect(renderText(r).length).toBeLessThan(200_000);
      }),
      { numRuns: 40 },
    );
  });
});

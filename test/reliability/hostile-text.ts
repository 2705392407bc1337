import fc from 'fast-check';
import { requirementFields } from '../../src/rules/requirements.ts';
import { checkoutAnswers } from '../helpers/dialog-harness.ts';

/** Markup that would notify people or link channels if a platform rendered it live. */
export const mentionMarkup = [
  '<!channel>',
  '<!here>',
  '<!here|here>',
  '<!everyone>',
  '@everyone',
  '@here',
  '@channel',
  '<@U123>',
  '<@W0ABC>',
  '<#C1>',
  '<#C1|general>',
  '<!subteam^S0001|@eng>',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<https://evil.example|click me>',
];

/** Things people (and attackers) type that look like commands but carry impossible values. */
export const commandLike = [
  'set writesPerSec 1e309',
  'set writesPerSec -1',
  'set writesPerSec NaN',
  'set availability 120%',
  'set availability 0.99999999999999999999',
  'set readLatencyMs -0ms',
  'set regions ∞',
  'set dataSizeGb 1e308 TB',
  'set budgetUsdPerMonth $-5',
  'set consistency linearizable',
  'set domain <!channel>',
  'set name @everyone',
  'set',
  'set nothing 5',
  'diff 1 999',
  'diff 0 -1',
  'diff 999999999999999999999 1',
  'diff a b',
  'diff',
  'why not ∞',
  'why not',
  'why P5',
  'why <@U123>',
  'why not P99',
  'show P0',
  'show <!here>',
  'show',
  'show outbox',
  'lookup',
  'lookup @here',
  'what is CAP?',
  'what is <!channel>?',
  'name <!channel> payments',
  'name @everyone',
  'title x',
  'design',
  'assess',
  'back',
  'skip',
  'restart',
  'cancel',
  'history',
  'designs',
  'export',
  'delete',
  'yes',
  'no',
  'help',
];

const controlChar = fc.integer({ min: 0, max: 31 }).map((c) => String.fromCharCode(c));
const controlText = fc.array(fc.oneof(controlChar, fc.constantFrom('a', ' ', 'set', '\u007f', '\u0085', '\u2028', '\u202e', '\ufeff')), { maxLength: 30 }).map((parts) => parts.join(''));
const unicodeText = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.string({ unit: 'binary', maxLength: 60 }), fc.constantFrom('👩‍👩‍👧‍👦', 'Z̴̡̪̈́a̷l̸g̶o̵', '١٢٣٤', '２０ｋ', '𝟐𝟎𝐤', 'ﬁ', '\ud800', '\udfff'));
const mention = fc.constantFrom(...mentionMarkup);
const mixed = fc.array(fc.oneof(mention, unicodeText, controlText, fc.constantFrom(...commandLike), fc.constantFrom(...checkoutAnswers)), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(' '));
const setCommand = fc.tuple(fc.constantFrom(...requirementFields), fc.oneof(unicodeText, mention, fc.constantFrom('20k', '99.99%', '1e309', '-3', '0', '200ms', 'yes', 'financial', '∞'))).map(([field, value]) => `set ${field} ${value}`);
const withCommand = fc.tuple(fc.constantFrom('show', 'why', 'why not', 'lookup', 'diff', 'name', 'what is'), fc.oneof(unicodeText, mention, controlText)).map(([verb, arg]) => `${verb} ${arg}`);

/** Text from 4,001 characters up to one megabyte, built by repeating a hostile seed. */
export const hugeText = fc
  .tuple(fc.oneof(mention, unicodeText, fc.constantFrom('9', 'a ', 'set writesPerSec ', '\u0000')), fc.integer({ min: 4_001, max: 1_000_000 }))
  .map(([seed, length]) => (seed.length === 0 ? 'x' : seed).repeat(Math.ceil(length / Math.max(1, seed.length))).slice(0, length));

/** Any hostile message: commands with impossible values, mention markup, Unicode, control characters, interview answers, now and then a huge one. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...commandLike) },
  { weight: 4, arbitrary: fc.constantFrom(...checkoutAnswers) },
  { weight: 3, arbitrary: setCommand },
  { weight: 3, arbitrary: withCommand },
  { weight: 3, arbitrary: mixed },
  { weight: 2, arbitrary: mention },
  { weight: 2, arbitrary: unicodeText },
  { weight: 2, arbitrary: controlText },
  { weight: 1, arbitrary: hugeText },
);

/** Neutral reply text a platform would turn into a notification (mass mentions survive no renderer). */
export function liveMassMentions(text: string): string[] {
  return [...text.matchAll(/@(channel|here|everyone)\b|<!(channel|here|everyone)/gi)].map((m) => m[0]);
}

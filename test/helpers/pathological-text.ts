/**
 * Inputs built to make text handling do the most work per character: long words (which typo search
 * expands), and long repetitions of the separators, digits and keywords that the parsers' patterns
 * look for (which backtracking patterns rescan). Shared by the bounded-work tests and `npm run bench`.
 */

/** A deterministic alphanumeric word with no repeated structure (a repeated letter would hide the cost of typo variants). */
export function longWord(length: number, seed = 1): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  let x = seed >>> 0 || 1;
  let out = '';
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out += alphabet[(x >>> 0) % alphabet.length];
  }
  return out;
}

/** Pieces whose repetition a pattern could rescan from every start: separators, digit groups, keywords. */
export const repeatedPieces: readonly string[] = [
  'eu + ', 'eu+', ' + ', '&', '/', ', ', ',', ' and ', ' with ', '; ', '.', '. ', '!', '?', '? ', '-', '--', ' ', '\t', '\n', ' \n',
  '0 00', '0,00', '1 000 ', '1,000,', '9', '9.', '1e', '.5', '99.9', '% ', 'ms ', 's ', 'x', 'k ', '$', '$ 5',
  'reads ', 'writes ', 'per ', 'a ', 'regions ', 'region ', 'replicas ', 'nines ', 'four ', 'and a half ', 'order ', 'not ',
  'name ', 'is ', 'named ', 'called ', 'domain: ', 'p99 ', 'peak ', 'query ', 'shapes ', 'usd ', 'dollars ',
  'AAAA', 'aA', 'Aa', '<@U1|', '<@U1', '<!channel>', '@here ', '```', '**', '__', '~~', '||', '\\', '`', '*', '_',
  'what is ', 'tell me about ', 'why not ', 'set ', 'diff ', ' to ', ' vs ', '->', '..',
];

/** Command words a message can start with (interface.md "Chat commands"), so each command's parser sees the long tail. */
export const commandHeads: readonly string[] = [
  '', 'assess ', 'lookup ', 'search ', 'show ', 'set writesPerSec ', 'set regions ', 'set name ', 'set ', 'diff ', 'why ', 'why not ',
  'explain ', 'what is ', 'tell me about ', 'how does ', 'law ', 'pattern ', 'primitive ', 'capability ', 'list ', 'name ',
  'design ', 'open ', 'export ', 'history ', 'help ', 'in ', 'across ',
];

/** `head` followed by `piece` repeated to `length` characters, then `tail` (a character that makes an anchored match fail). */
export function repeated(head: string, piece: string, length: number, tail = '+'): string {
  const body = piece.repeat(Math.ceil(Math.max(0, length - head.length - tail.length) / piece.length));
  return `${head}${body.slice(0, Math.max(0, length - head.length - tail.length))}${tail}`;
}

/** Characters that end a repetition so that anchored patterns fail and backtrack (if they can). */
export const tails: readonly string[] = ['+', '!', '?', 'x', '\u0000', '%', ' ', '-', '>'];

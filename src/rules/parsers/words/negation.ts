/** Words that deny what follows them ("not multi-tenant", "we don't publish events"). */
const DENY = new Set(['no', 'not', 'never', 'without', 'non', 'dont', 'doesnt', 'didnt', 'isnt', 'arent', 'wont', 'nor', 'neither', 'nothing', 'none', 'cannot']);
/** Words a denial ends at: what comes after them is said on its own. */
const STOP = new Set(['and', 'but', 'or', 'while', 'whereas', 'although', 'though', 'however', 'yet', 'so', 'because']);
/** After a denial, these make "X is not needed" deny X. */
const NEEDED = new Set(['needed', 'required', 'necessary', 'important', 'wanted', 'matter', 'matters', 'relevant', 'concern', 'requirement', 'essential', 'mandatory', 'need', 'needs', 'a', 'an', 'applicable', 'used', 'planned', 'expected']);
/** Words that deny what came before them on their own ("exactly-once is unnecessary"). */
const ABSENT = new Set(['unnecessary', 'unneeded', 'optional', 'irrelevant', 'overkill', 'unimportant']);
/**
 * Words that open a circumstance ("never oversells under heavy contention"): a denial of the verb before
 * one does not reach into it, unless the denial stands right before it ("not under contention") or a
 * need does ("no need for exactly-once").
 */
const CIRCUMSTANCE = new Set(['under', 'during', 'with', 'at', 'in', 'on', 'for', 'when', 'across', 'over', 'despite', 'after', 'before']);

const REACH = 4;

/**
 * True when the words around `from`..`to` deny them: a denial in the few words before (stopping at "and",
 * "but" …), or "not needed", "isn't required", "unnecessary" … in the few words after.
 */
export function isDenied(words: string[], from: number, to: number): boolean {
  for (let i = from - 1; i >= 0 && i >= from - REACH; i--) {
    const w = words[i]!;
    if (STOP.has(w)) break;
    if (DENY.has(w)) return true;
    if (CIRCUMSTANCE.has(w)) {
      const before = words[i - 1] ?? '';
      if (DENY.has(before)) return true;
      if (!NEEDED.has(before)) break;
    }
  }
  for (let i = to; i < words.length && i < to + REACH; i++) {
    const w = words[i]!;
    if (STOP.has(w)) break;
    if (ABSENT.has(w)) return true;
    if (DENY.has(w) && NEEDED.has(words[i + 1] ?? '')) return true;
    if (DENY.has(w) && NEEDED.has(words[i + 2] ?? '') && (words[i + 1] === 'really' || words[i + 1] === 'strictly' || words[i + 1] === 'be')) return true;
  }
  return false;
}

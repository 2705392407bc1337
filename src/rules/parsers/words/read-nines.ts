import type { Clause } from './clauses.ts';
import { NUMBER_WORDS } from './units.ts';

/** An availability said in nines ("four nines", "5 9s", "three and a half nines"), with its token range. */
export interface Nines {
  value: number;
  from: number;
  to: number;
}

/** Finds availabilities said in nines in one clause. */
export function findNines(clause: Clause): Nines[] {
  const found: Nines[] = [];
  const t = clause.tokens;
  for (let i = 0; i < t.length; i++) {
    const word = t[i]!;
    let end = -1;
    if (word.kind === 'word' && (word.lower === 'nines' || word.lower === '9s' || word.lower === 'niners')) end = i + 1;
    else if (word.kind === 'number' && word.value === 9 && t[i + 1]?.glued && (t[i + 1]!.lower === 's' || t[i + 1]!.lower === 's')) end = i + 2;
    if (end === -1) continue;
    // "three nines and a half": the half may follow the nines.
    let halfAfter = false;
    if (t[end]?.lower === 'and' && t[end + 1]?.lower === 'a' && t[end + 2]?.lower === 'half') {
      halfAfter = true;
      end += 3;
    }
    let j = i - 1;
    if (t[j]?.text === '-') j--;
    let half = halfAfter;
    if (t[j]?.lower === 'half' && t[j - 1]?.lower === 'a' && t[j - 2]?.lower === 'and') {
      half = true;
      j -= 3;
    }
    const count = t[j]?.kind === 'number' ? t[j]!.value : NUMBER_WORDS[t[j]?.lower ?? ''];
    if (count === undefined || !Number.isInteger(count) || count < 1 || count > 9 || t[j]?.lower === 'single') continue;
    found.push({ value: Number((1 - (half ? 0.5 : 1) * 10 ** -count).toPrecision(12)), from: j, to: end });
  }
  return found;
}

import type { Lexicon } from './lexicon.ts';
import type { Token } from './tokens.ts';

/** A list of regions found in the text: how many distinct ones, the tokens it spans, and whether it stands alone. */
export interface RegionList {
  count: number;
  from: number;
  to: number;
  /** True when a single name is clearly the one region served ("EU only", "us-east-1"). */
  certain: boolean;
}

const SEPARATORS = new Set([',', 'and', '+', '&', '/', 'or', 'plus']);

/** The region at token `i` (a name, "US" in capitals, or a cloud code such as eu-west-1): its key and end, or undefined. */
function regionAt(tokens: Token[], i: number, lexicon: Lexicon): { key: string; end: number; code: boolean; weak: boolean } | undefined {
  const t = tokens[i]!;
  if (t.kind !== 'word') return undefined;
  // Cloud codes: us-east-1, eu-central-1, europe-west1.
  if (lexicon.codePrefixes.has(t.lower) && tokens[i + 1]?.text === '-' && tokens[i + 1]!.glued) {
    const direction = tokens[i + 2];
    if (direction?.kind === 'word' && direction.glued && lexicon.codeDirections.has(direction.lower)) {
      let end = i + 3;
      if (tokens[end]?.text === '-' && tokens[end]!.glued && tokens[end + 1]?.kind === 'number') end += 2;
      return { key: tokens.slice(i, end).map((x) => x.lower).join(''), end, code: true, weak: false };
    }
  }
  for (const name of lexicon.regionNames) {
    if (name.every((w, n) => tokens[i + n]?.kind === 'word' && tokens[i + n]!.lower === w)) {
      return { key: name.join(' '), end: i + name.length, code: false, weak: false };
    }
  }
  // "us" is a pronoun unless typed "US" or standing in a list beside another region.
  if (t.lower === 'us') return { key: 'us', end: i + 1, code: false, weak: t.text !== 'US' };
  return undefined;
}

/**
 * Finds lists of regions ("EU and US", "eu-west-1 + us-east-1", "EU, US and APAC") across the whole text,
 * in one pass. A single name counts only when it is a cloud code or said with "only".
 */
export function findRegionLists(tokens: Token[], lexicon: Lexicon): RegionList[] {
  const lists: RegionList[] = [];
  let i = 0;
  while (i < tokens.length) {
    const first = regionAt(tokens, i, lexicon);
    if (!first) {
      i++;
      continue;
    }
    const members = [first];
    let end = first.end;
    for (;;) {
      let j = end;
      if (!SEPARATORS.has(tokens[j]?.lower ?? '')) break;
      j++;
      if (SEPARATORS.has(tokens[j]?.lower ?? '')) j++;
      if (tokens[j]?.lower === 'the') j++;
      const next = j < tokens.length ? regionAt(tokens, j, lexicon) : undefined;
      if (!next) break;
      members.push(next);
      end = next.end;
    }
    const strong = members.filter((m) => !m.weak);
    const only = tokens[end]?.lower === 'only' || (tokens[end]?.text === '-' && tokens[end + 1]?.lower === 'only') || tokens[i - 1]?.lower === 'only';
    if (strong.length > 0 && (members.length > 1 || first.code || only)) {
      lists.push({ count: new Set(members.map((m) => m.key)).size, from: i, to: end, certain: true });
    }
    i = end;
  }
  return lists;
}

/** Words that place a system in a region ("in US East", "fail over to US West"). */
const PLACED = new Set(['in', 'to', 'into']);

/**
 * Regions named one by one where the system runs ("primaries in US East with replicas in US West"): the
 * distinct names after "in" or "to", counted only when there are two or more (one alone may be where the
 * users are). Used only when the text holds no list of regions.
 */
export function findPlacedRegions(tokens: Token[], lexicon: Lexicon): { count: number; spans: Array<{ from: number; to: number }> } | undefined {
  const spans: Array<{ from: number; to: number }> = [];
  const keys = new Set<string>();
  for (let i = 1; i < tokens.length; i++) {
    let at = i;
    if (!PLACED.has(tokens[i - 1]!.lower)) {
      if (tokens[i - 1]!.lower !== 'the' || !PLACED.has(tokens[i - 2]?.lower ?? '')) continue;
    }
    const region = regionAt(tokens, at, lexicon);
    if (!region || region.weak) continue;
    keys.add(region.key);
    spans.push({ from: at, to: region.end });
    i = region.end - 1;
    at = region.end;
  }
  return keys.size >= 2 ? { count: keys.size, spans } : undefined;
}

import { parseAvailability } from '../../rules/parsers/availability.ts';
import { parseDuration } from '../../rules/parsers/duration.ts';
import { NUMBER_PATTERN, readScaled } from '../../rules/parsers/number.ts';
import { parseSizeGb } from '../../rules/parsers/size.ts';
import { foldText, tidy } from '../../rules/parsers/text.ts';

/** An availability in the question: a target ("for five nines") or what one node or service gives ("nodes at 99.5 %"). */
export interface StatedAvailability {
  value: number;
  per: 'target' | 'each';
}

/** A count of things in the question ("5-node", "30 dependencies", "16 cores"), by the noun it counts. */
export interface StatedCount {
  value: number;
  noun: string;
}

/** The figures a sizing question states, read once from its words. */
export interface Figures {
  availabilities: StatedAvailability[];
  counts: StatedCount[];
  /** Rates in events per second, with the noun that followed ("writes", "requests"). */
  rates: Array<{ value: number; noun: string }>;
  sizesGb: number[];
  durationsMs: number[];
  /** Percentages that are not availabilities ("10% serial"). */
  percents: number[];
  /** A peak or surge factor ("2x peaks"). */
  surge?: number;
  /** How often something happens a year ("2 leader failures a year", "twice a year"). */
  perYear?: number;
  /** Named symbols: n, r, w, sigma, kappa (alpha, beta). */
  symbols: Record<string, number>;
  /** The text, normalised: lower case, one space, look-alike characters folded. */
  text: string;
}

// A number starts where a run of digits starts: without the look-behind every pattern would retry from each
// digit of a long run (quadratic: 4,000 digits took a second).
const NUM = `(?<![\\d.,])(${NUMBER_PATTERN})`;
const SCALE = `(k|thousand|m|million|mm|b|bn|billion)?`;
const NINES = /\b((?:one|two|three|four|five|six|seven|eight|nine|\d)(?: and a half)? nines)\b/g;
const PERCENT = new RegExp(`${NUM}\\s*(?:%|percent\\b)`, 'g');
const RATE = new RegExp(
  `${NUM}\\s*${SCALE}\\s*(writes?|reads?|requests?|reqs?|req|rps|qps|tps|ops|operations?|events?|messages?|transactions?|queries|calls?)?\\s*(?:/\\s*s(?:ec)?\\b|per\\s+sec(?:ond)?\\b|a\\s+sec(?:ond)?\\b|each\\s+second\\b|every\\s+second\\b|/sec\\b|(?<=rps|qps|tps)\\b)`,
  'g',
);
const SIZE = new RegExp(`${NUM}\\s*(kb|mb|gb|tb|pb|gigabytes?|terabytes?|petabytes?)\\b`, 'g');
const DURATION = new RegExp(`${NUM}\\s*(ms|milliseconds?|millis|s|secs?|seconds?|µs|us|microseconds?)\\b(?!\\s*(?:writes|/))`, 'g');
const COUNTED = '(nodes?|replicas?|copies|voters?|members?|servers?|machines?|instances?|cores?|cpus?|workers?|threads?|services?|dependencies|deps|hops?|regions?|zones?|shards?|partitions?|brokers?)';
const COUNT = new RegExp(`${NUM}\\s*${SCALE}[\\s-]*${COUNTED}\\b`, 'g');
/** Small counts said as words ("two services in series", "three replicas"). */
const WORD_COUNTS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12 };
const WORD_COUNT = new RegExp(`\\b(${Object.keys(WORD_COUNTS).join('|')})[\\s-]${COUNTED}\\b`, 'g');
const SURGE = new RegExp(`${NUM}\\s*(?:x|times)\\s*(?:peaks?|spikes?|bursts?|surges?)|(?:peaks?|spikes?|bursts?) (?:of |at )?${NUM}\\s*(?:x|times)\\b`);
const PER_YEAR = new RegExp(`(?:${NUM}|once|twice)\\s*(?:(?:leader |node |primary )?(?:failures?|failovers?|times|outages?|crashes)\\s*)?(?:a|per|each|every)\\s+year`);
const SYMBOL = new RegExp(`\\b(?:(n|r|w)\\s*=|(sigma|σ|kappa|κ|alpha|α|beta|β)\\s*(?:=|is|of)?)\\s*${NUM}`, 'g');
const EACH = /^\s*(?:each|per node|per replica|per service|apiece|a node|per instance)|^\s*(?:uptime |availability )?each\b/;
const EACH_BEFORE = /(?:nodes?|replicas?|servers?|instances?|machines?|services?|dependencies|each|node is|nodes are|each one|components?)\s*(?:are|is|at|of|with|give|gives|run at|running at)?\s*(?:about |roughly |only )?$/;

/** Folds the text the way the value parsers expect (one folding for answers and parsers). */
export const normalise = foldText;

function scaled(digits: string, scale: string | undefined): number | undefined {
  return readScaled(`${digits.replace(/[, ]/g, '')}${scale ? ` ${scale}` : ''}`.trim());
}

/** A counted noun in one spelling: singular, "copy", "dependency". */
function countNoun(noun: string): string {
  return noun.replace(/s$/, '').replace(/^copie$/, 'copy').replace(/^dependencie$|^dep$/, 'dependency');
}

function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

/** Whether an availability at `index` (ending at `end`) is what each node or service gives, rather than a target. */
function perOf(text: string, index: number, end: number): StatedAvailability['per'] {
  return EACH.test(text.slice(end, end + 20)) || EACH_BEFORE.test(text.slice(Math.max(0, index - 30), index)) ? 'each' : 'target';
}

/** Reads every figure a question states; nothing here throws. */
export function readFigures(input: string): Figures {
  const text = normalise(input);
  const figures: Figures = { availabilities: [], counts: [], rates: [], sizesGb: [], durationsMs: [], percents: [], symbols: {}, text };
  for (const m of text.matchAll(NINES)) {
    const value = attempt(() => parseAvailability(m[1]!));
    if (value !== undefined) figures.availabilities.push({ value, per: perOf(text, m.index, m.index + m[0].length) });
  }
  for (const m of text.matchAll(PERCENT)) {
    const number = Number(m[1]!.replace(/[, ]/g, ''));
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    const isFraction = /^\s*(?:of (?:the )?(?:work|code|time|requests|traffic)\s*)?(?:is |are )?(?:serial|sequential|single[- ]threaded|not parallel)/.test(after) || /serial\s*(?:fraction|part|portion)?\s*(?:of|is|=)?\s*$/.test(text.slice(Math.max(0, m.index - 30), m.index));
    const isLoad = /(?:cpu|utili[sz]ation|load|busy|disk|memory)\s*(?:at|of|is|passes|above|over|reaches)?\s*$/.test(text.slice(Math.max(0, m.index - 25), m.index)) || /^\s*(?:cpu|utili[sz]ation|load)/.test(after);
    if (number >= 90 && number < 100 && !isFraction && !isLoad) {
      figures.availabilities.push({ value: tidy(number / 100), per: perOf(text, m.index, m.index + m[0].length) });
    } else figures.percents.push(number);
  }
  for (const m of text.matchAll(RATE)) {
    const value = scaled(m[1]!, m[2]);
    if (value !== undefined) figures.rates.push({ value, noun: m[3] ?? '' });
  }
  for (const m of text.matchAll(SIZE)) {
    const value = attempt(() => parseSizeGb(`${m[1]} ${m[2]}`));
    if (value !== undefined) figures.sizesGb.push(value);
  }
  for (const m of text.matchAll(DURATION)) {
    const value = attempt(() => parseDuration(`${m[1]} ${m[2]}`, 'ms'));
    if (value !== undefined) figures.durationsMs.push(value);
  }
  for (const m of text.matchAll(COUNT)) {
    const value = scaled(m[1]!, m[2]);
    if (value !== undefined) figures.counts.push({ value, noun: countNoun(m[3]!) });
  }
  for (const m of text.matchAll(WORD_COUNT)) figures.counts.push({ value: WORD_COUNTS[m[1]!]!, noun: countNoun(m[2]!) });
  const yearly = PER_YEAR.exec(text);
  if (yearly) figures.perYear = yearly[1] ? Number(yearly[1].replace(/[, ]/g, '')) : /twice/.test(yearly[0]) ? 2 : 1;
  const surge = SURGE.exec(text);
  if (surge) figures.surge = Number(surge[1] ?? surge[2]);
  const greek: Record<string, string> = { σ: 'sigma', alpha: 'sigma', α: 'sigma', κ: 'kappa', beta: 'kappa', β: 'kappa' };
  for (const m of text.matchAll(SYMBOL)) {
    const name = (m[1] ?? m[2])!;
    figures.symbols[greek[name] ?? name] = Number(m[3]!.replace(/[, ]/g, ''));
  }
  return figures;
}

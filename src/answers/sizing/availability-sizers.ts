import { MINUTES_PER_YEAR } from '../../rules/models/availability.ts';
import type { Figures } from './figures.ts';
import { designFiller, formatDowntime, formatNumber, formatPercent, runModel, type Sizer, type SizingAnswer } from './sizing-answer.ts';

/** The availability of one node when the question does not say (interface.md: nodeAvailability default). */
export const DEFAULT_NODE_AVAILABILITY = 0.995;
/** One region's availability (interface.md readings): the ceiling of any single-region design. */
export const REGION_AVAILABILITY = 0.99999;
const MAX_REPLICAS = 9;

const target = (f: Figures): number | undefined => f.availabilities.find((a) => a.per === 'target')?.value;
const each = (f: Figures): number | undefined => f.availabilities.find((a) => a.per === 'each')?.value;
const countOf = (f: Figures, nouns: RegExp): number | undefined => f.counts.find((c) => nouns.test(c.noun))?.value;

function regionNote(goal: number): string[] {
  return goal > REGION_AVAILABILITY * 0.99999
    ? [`One region is itself about ${formatPercent(REGION_AVAILABILITY)} available, so ${formatPercent(goal)} also needs a second region serving in parallel.`]
    : [];
}

/** "How many replicas for five nines (with nodes at 99.5 %)?": the fewest replicas whose availability meets the target. */
const replicasForTarget: Sizer = {
  id: 'replicas-for-target',
  size(f, _places, design) {
    if (!/\b(?:how many|number of|replicas? (?:for|to|do)|copies|nodes? (?:for|do we need)|what replication factor|replication factor)\b/.test(f.text)) return undefined;
    if (!/\b(?:replicas?|copies|nodes?|replication|instances?|servers?)\b/.test(f.text)) return undefined;
    const filler = designFiller(design);
    // The design's target stands in only when the question is about replicas or availability ("how many nodes for the cache?" is not).
    const goal = target(f) ?? (/\b(?:replicas?|copies|replication|availab\w*|uptime|nines)\b/.test(f.text) ? filler.take('availability') : undefined);
    if (goal === undefined) return undefined;
    const stated = each(f) ?? filler.take('nodeAvailability');
    const node = stated ?? DEFAULT_NODE_AVAILABILITY;
    for (let n = 1; n <= MAX_REPLICAS; n++) {
      const inputs = { node, replicas: n };
      const { result, formula } = runModel('availability', inputs);
      const availability = result.availability as number;
      if (availability < goal) continue;
      const assumed = stated === undefined ? ` (the default assumed for one node)` : '';
      const fewer = n > 1 ? `, while ${n - 1} ${n - 1 === 1 ? 'gives' : 'give'} ${formatPercent(1 - (1 - node) ** (n - 1))}` : '';
      return filler.note({
        model: 'availability',
        inputs,
        result,
        formula,
        headline: `${n} replica${n === 1 ? '' : 's'}: at ${formatPercent(node)} per node${assumed}, ${n} give ${formatPercent(availability)}${fewer}, and ${formatPercent(goal)} is the target.`,
        assumptions: [
          'Failures are independent and any one replica can serve (correlated failures, such as a whole zone, lower this).',
          ...(stated === undefined ? [`Each node is up ${formatPercent(node)} of the time; give the node figure to change it.`] : []),
          ...regionNote(goal),
        ],
        entries: ['P2', 'HighAvailability', 'leader-follower'],
        designField: { field: 'replicas', value: n },
      });
    }
    return undefined;
  },
};

/** "What availability do 3 replicas at 99.9 % each give?": the availability model over the replicas. */
const replicasAvailability: Sizer = {
  id: 'replicas-availability',
  size(f, _places, design) {
    if (!/\bavailab|\buptime\b|\bnines\b|what do we get|give us\b/.test(f.text)) return undefined;
    const filler = designFiller(design);
    const n = countOf(f, /^(?:replica|node|copy|instance|server|machine)$/) ?? (/\breplicas?\b/.test(f.text) ? filler.take('replicas') : undefined);
    const node = each(f) ?? target(f) ?? (n !== undefined ? filler.take('nodeAvailability') : undefined);
    if (n === undefined || node === undefined) return undefined;
    const majority = /\b(?:majority|quorum)\b/.test(f.text);
    const inputs = { node, replicas: n, ...(majority ? { quorum: Math.floor(n / 2) + 1 } : {}) };
    const { result, formula } = runModel('availability', inputs);
    const rule = majority ? `a majority of ${Math.floor(n / 2) + 1} must be up` : 'any one serving';
    return filler.note({
      model: 'availability',
      inputs,
      result,
      formula,
      headline: `${formatPercent(result.availability as number)}: ${n} replicas at ${formatPercent(node)} each, ${rule}, leave ${formatDowntime(result.downtimeMinutesPerYear as number)} of downtime a year.`,
      assumptions: ['Failures are independent; failover time and shared zones or regions are not counted.'],
      entries: ['P2', 'HighAvailability', 'FaultTolerance'],
    });
  },
};

/** "Availability of a chain of 5 services at 99.9 % each?": components in series multiply. */
const serviceChain: Sizer = {
  id: 'series',
  size(f) {
    const n = countOf(f, /^(?:service|dependency|hop|component|call)$/);
    const a = each(f) ?? target(f);
    if (n === undefined || a === undefined || n > 1000) return undefined;
    const components = Array.from({ length: n }, () => a);
    const { result, formula } = runModel('series', { components });
    const availability = result.availability as number;
    return {
      model: 'series',
      inputs: { components },
      result,
      formula: `${formatPercent(a)}^${n}: ${formula}`,
      headline: `${formatPercent(availability)}: ${n} in series at ${formatPercent(a)} each multiply to ${a}^${n}, about ${formatDowntime((1 - availability) * MINUTES_PER_YEAR)} of downtime a year.`,
      assumptions: ['Every call is needed for the request to succeed; a dependency behind a circuit breaker with a fallback drops off the path.'],
      entries: ['end-to-end-principle', 'too-many-hops', 'P9'],
    };
  },
};

/** The periods a downtime question may ask about, with how many fit in a year; the first one named is the one answered. */
const DOWNTIME_PERIODS: ReadonlyArray<{ word: RegExp; name: string; perYear: number }> = [
  { word: /\b(?:a|per|each|every) month\b|\bmonthly\b/, name: 'month', perYear: 12 },
  { word: /\b(?:a|per|each|every) week\b|\bweekly\b/, name: 'week', perYear: 52 },
  { word: /\b(?:a|per|each|every) day\b|\bdaily\b/, name: 'day', perYear: 365 },
];

/**
 * The downtime headline in the period the question asks about ("a month" → minutes a month first), with
 * the year beside it; a year when it names none.
 */
function downtimeHeadline(text: string, a: number, minutesPerYear: number): string {
  const why = `${formatPercent(a)} leaves (1 − ${a}) × ${formatNumber(MINUTES_PER_YEAR)} minutes`;
  const asked = DOWNTIME_PERIODS.find((p) => p.word.test(text));
  if (asked) {
    const shown = formatNumber(minutesPerYear / asked.perYear, 1);
    return `${shown} ${shown === '1' ? 'minute' : 'minutes'} a ${asked.name}: ${why} a year (${formatNumber(minutesPerYear, 1)}), divided by ${asked.perYear}.`;
  }
  return `${formatNumber(minutesPerYear, 1)} minutes a year: ${why}, about ${formatNumber(minutesPerYear / 60, 1)} hours a year or ${formatNumber(minutesPerYear / 12, 1)} minutes a month.`;
}

/** "How much downtime per year is 99.95 %?": (1 − a) × 525,600 minutes, told in the period asked about. */
const downtime: Sizer = {
  id: 'downtime',
  size(f, _places, design) {
    if (!/\bdowntime\b|\bhow (?:long|much time) (?:can|could|may) we be down\b|\bminutes? (?:a|per) (?:year|month|week|day)\b/.test(f.text)) return undefined;
    const filler = designFiller(design);
    const a = target(f) ?? each(f) ?? filler.take('availability');
    if (a === undefined) return undefined;
    const inputs = { node: a, replicas: 1 };
    const { result, formula } = runModel('availability', inputs);
    const minutes = result.downtimeMinutesPerYear as number;
    return filler.note({
      model: 'availability',
      inputs,
      result,
      formula,
      headline: downtimeHeadline(f.text, a, minutes),
      assumptions: ['A year of 525,600 minutes (365 days); a month here is a twelfth of that, a week 1/52 and a day 1/365.'],
      entries: ['HighAvailability', 'availability-proof'],
      designField: { field: 'availability', value: a },
    });
  },
};

/** "Leader fails twice a year and failover takes 30 s: what does that cost?": the failover model. */
const failover: Sizer = {
  id: 'failover',
  size(f) {
    const ms = f.durationsMs[0];
    if (f.perYear === undefined || ms === undefined || !/\bfail ?overs?\b|\bfails?\b|\bfailures?\b|\belection\b/.test(f.text)) return undefined;
    const inputs = { nodeFailuresPerYear: f.perYear, failoverSec: ms / 1000 };
    const { result, formula } = runModel('failover', inputs);
    return {
      model: 'failover',
      inputs,
      result,
      formula,
      headline: `${formatPercent(result.availability as number)}: ${formatNumber(f.perYear)} failover${f.perYear === 1 ? '' : 's'} a year of ${formatNumber(ms / 1000, 1)} s each lose ${formatDowntime(result.downtimeMinutesPerYear as number)} a year (1 − f·s / 31,536,000).`,
      assumptions: ['Each failover makes the leader\'s data unavailable for its whole duration; automated failover keeps it near 30 s, a manual one takes minutes.'],
      entries: ['leader-follower', 'P5', 'failover-under-30s'],
    };
  },
};

/** "Two regions, each path 99.9 %?" or "LB 99.99 %, app 99.95 %, db 99.9 %": tiers in series, regions in parallel. */
const composite: Sizer = {
  id: 'composite',
  size(f) {
    const regions = f.counts.find((c) => c.noun === 'region')?.value ?? (/\bone region\b|\bsingle region\b/.test(f.text) ? 1 : undefined);
    const tiers = f.availabilities.map((a) => a.value);
    const tiered = tiers.length >= 2 && /\b(?:lb|load balancer|gateway|app|api|database|db|cache|tier|frontend|backend)\b/.test(f.text);
    if (tiers.length === 0 || (regions === undefined && !tiered) || !/\bavailab|\buptime\b|\bnines\b|what do we get/.test(f.text)) return undefined;
    const inputs = { tiers, regions: regions ?? 1 };
    const { result, formula } = runModel('composite', inputs);
    const path = tiers.map(formatPercent).join(' × ');
    return {
      model: 'composite',
      inputs,
      result,
      formula,
      headline: `${formatPercent(result.availability as number)}: each region's path (${path}, times the region's own ${formatPercent(REGION_AVAILABILITY)}) gives ${formatPercent(result.regionPathAvailability as number)}, ${inputs.regions === 1 ? ', and with one region that is the whole' : `, and ${inputs.regions} regions in parallel give the whole`}.`,
      assumptions: ['Regions fail independently and any one can serve all traffic; each tier figure already combines its replicas.'],
      entries: ['HighAvailability', 'end-to-end-principle', 'P2'],
      designField: { field: 'regions', value: inputs.regions },
    };
  },
};

/** The availability sizers, most specific first. */
export const availabilitySizers: readonly Sizer[] = [failover, composite, replicasForTarget, replicasAvailability, serviceChain, downtime];

export type { SizingAnswer };

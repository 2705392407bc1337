import { greatCircleKm } from './places.ts';
import { formatNumber, runModel, type Sizer } from './sizing-answer.ts';

/** "RTT between Frankfurt and Virginia?": the great-circle distance and the fibre round-trip floor. */
const roundTrip: Sizer = {
  id: 'rtt',
  size(f, places) {
    if (!/\b(?:rtt|round[- ]?trip|latency|ping|how far|distance|delay|lag)\b/.test(f.text)) return undefined;
    const [a, b] = places.find(f.text);
    if (!a || !b) return undefined;
    const km = Math.round(greatCircleKm(a, b));
    const inputs = { distanceKm: km };
    const { result, formula } = runModel('rtt', inputs);
    const ms = result.minRttMs as number;
    return {
      model: 'rtt',
      inputs,
      result,
      formula,
      headline: `At least ${formatNumber(ms, 1)} ms: ${a.name} and ${b.name} are about ${formatNumber(km)} km apart on the great circle, and light in fibre covers about 200 km per ms, so 2 × ${formatNumber(km)} / 200.`,
      assumptions: [
        'This is the physical floor; real routes are longer than the great circle, so measured round trips are often 1.3–2x this.',
        'A strongly consistent write that waits for the other region pays at least one such round trip.',
      ],
      entries: ['cross-region-strong-consistency', 'cap-theorem', 'data-gravity'],
    };
  },
};

/** "With N=3, R=2, W=2, do reads see the latest write?": R + W > N. */
const readWriteQuorum: Sizer = {
  id: 'quorum-rw',
  size(f) {
    const { n, r, w } = f.symbols;
    if (n === undefined || r === undefined || w === undefined || r > n || w > n || n > 100) return undefined;
    const inputs = { replicas: n, reads: r, writes: w };
    const { result, formula } = runModel('quorum', inputs);
    const strong = result.strongReads === true;
    return {
      model: 'quorum',
      inputs,
      result,
      formula,
      headline: strong
        ? `Yes: R + W = ${r + w} > N = ${n}, so every read quorum overlaps the latest write quorum and sees it.`
        : `No: R + W = ${r + w} is not more than N = ${n}, so a read can miss the latest write; raise R or W until R + W > N.`,
      assumptions: [
        `It survives ${Math.min(n - r, n - w)} replica${Math.min(n - r, n - w) === 1 ? '' : 's'} down for both reads and writes.`,
        'Sloppy quorums and hinted handoff (writes accepted by stand-in nodes) break the overlap during failures.',
      ],
      entries: ['P2', 'LinearizableWrite', 'EventualConsistency'],
    };
  },
};

/** "How many failures can a 5-node Raft cluster survive?" and "majority for 7 voters?": majority quorums. */
const consensusQuorum: Sizer = {
  id: 'quorum',
  size(f) {
    const n = f.counts.find((c) => /^(?:node|voter|member|replica|server|instance)$/.test(c.noun))?.value;
    if (n === undefined || n < 1 || n > 100 || !/\b(?:majority|quorum|tolerate|survive|lose|failures?|go down|down)\b/.test(f.text)) return undefined;
    if (/\bavailab|\bnines\b|%/.test(f.text)) return undefined;
    const inputs = { replicas: n };
    const { result, formula } = runModel('quorum', inputs);
    const majority = result.majority as number;
    const tolerated = result.toleratedFailures as number;
    const even = n % 2 === 0 ? [`An even size buys nothing: ${n} voters tolerate ${tolerated}, the same as ${n - 1}; use an odd number.`] : [];
    const asksMajority = /\b(?:majority|quorum size|how many votes|quorum for)\b/.test(f.text) && !/\b(?:tolerate|survive|lose|failures?)\b/.test(f.text);
    return {
      model: 'quorum',
      inputs,
      result,
      formula,
      headline: asksMajority
        ? `${majority} votes: a majority of ${n} is ⌊${n}/2⌋ + 1 = ${majority}, so ${n} voters keep working with ${tolerated} down.`
        : `${tolerated} failure${tolerated === 1 ? '' : 's'}: a ${n}-node cluster needs a majority of ${majority} to elect a leader and commit, so it keeps working with ${tolerated} node${tolerated === 1 ? '' : 's'} down.`,
      assumptions: ['Crash faults (nodes stop, they do not lie); tolerating f lying nodes needs 3f + 1.', ...even],
      entries: ['P5', ...(n % 2 === 0 ? ['even-node-consensus'] : []), 'leader-follower', 'byzantine-generals'],
    };
  },
};

/** The network and quorum sizers, most specific first. */
export const networkSizers: readonly Sizer[] = [roundTrip, readWriteQuorum, consensusQuorum];

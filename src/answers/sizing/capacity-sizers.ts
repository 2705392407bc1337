import type { Figures } from './figures.ts';
import { designFiller, formatNumber, runModel, type Sizer } from './sizing-answer.ts';

/** Pools are sized with a quarter spare (the framework's L / 0.75). */
const POOL_HEADROOM = 0.75;

const writeRate = (f: Figures): number | undefined =>
  (f.rates.find((r) => /^(?:writes?|inserts?|events?|messages?|transactions?|tps)$/.test(r.noun)) ?? f.rates[0])?.value;

/** "How many partitions for 100k writes/s and 5 TB?": the partitions model. */
const partitions: Sizer = {
  id: 'partitions',
  size(f, _places, design) {
    if (!/\b(?:partitions?|shards?|sharding|partitioning)\b/.test(f.text) || /\bkafka\b|\btopic\b/.test(f.text)) return undefined;
    const filler = designFiller(design);
    // The question's own figures win; a design thread fills in the ones it leaves out.
    const stated = { writes: writeRate(f), dataGb: f.sizesGb[0] };
    const writes = stated.writes ?? filler.take('writesPerSec');
    const dataGb = stated.dataGb ?? filler.take('dataSizeGb');
    if (writes === undefined && dataGb === undefined) return undefined;
    const surge = f.surge ?? (stated.writes === undefined && writes !== undefined ? filler.take('peakFactor') : undefined);
    const inputs: Record<string, number> = { writesPerSec: writes ?? 0, dataGb: dataGb ?? 0, ...(surge !== undefined ? { surge } : {}) };
    const { result, formula } = runModel('partitions', inputs);
    const n = result.partitions as number;
    const why = [
      writes !== undefined ? `the writes${surge ? ` at a ${formatNumber(surge)}x peak` : ''} need ${result.forWrites}` : undefined,
      dataGb !== undefined ? `the data needs ${result.forData}` : undefined,
    ].filter((s) => s !== undefined);
    return filler.note({
      model: 'partitions',
      inputs,
      result,
      formula,
      headline: `${n} partition${n === 1 ? '' : 's'}: ${why.join(' and ')} (one partition takes about 20,000 writes/s at 70 % headroom and about 2 TB).`,
      assumptions: [
        ...(writes === undefined ? ['No write rate was given, so only the data size counts.'] : []),
        ...(dataGb === undefined ? ['No data size was given, so only the write rate counts.'] : []),
        ...(surge === undefined && writes !== undefined ? ['The rate is taken as the peak; say "with 3x peaks" to size for a surge.'] : []),
        ...(n === 1 ? ['One partition is enough, so no sharding is needed yet; choose a partition key early anyway.'] : []),
      ],
      entries: ['P1', 'hot-partitions', 'ElasticScale'],
      designField: { field: 'writesPerSec', value: writes ?? 0 },
    });
  },
};

/** "2,000 requests/s at 150 ms, how many in flight?" and "pool size for 500 rps at 40 ms?": Little's law. */
const littlesLaw: Sizer = {
  id: 'littles-law',
  size(f) {
    const rate = f.rates[0]?.value;
    const ms = f.durationsMs[0];
    if (rate === undefined || ms === undefined || rate <= 0 || ms <= 0) return undefined;
    if (!/\bin[- ]flight\b|\bconcurren|\bpool\b|\bthreads?\b|\bworkers?\b|\bconnections?\b|\bat once\b|\bsimultaneous/.test(f.text)) return undefined;
    const inputs = { arrivalRate: rate, responseTime: ms / 1000 };
    const { result, formula } = runModel('littles-law', inputs);
    const inFlight = result.concurrency as number;
    const pool = /\bpool\b|\bhow (?:big|large)\b|\bsize\b|\bthreads?\b|\bworkers?\b|\bconnections?\b/.test(f.text) && !/\bin[- ]flight\b/.test(f.text);
    const sized = Math.ceil(Number((inFlight / POOL_HEADROOM).toPrecision(12)));
    const base = `${formatNumber(rate)}/s × ${formatNumber(ms / 1000, 4)} s = ${formatNumber(inFlight)} in flight on average (Little's law, L = λ·W)`;
    return {
      model: 'littles-law',
      inputs,
      result,
      formula: pool ? `${formula}; pool = ⌈L / ${POOL_HEADROOM}⌉ = ${sized}` : formula,
      headline: pool ? `${sized}: ${base}, and with a quarter spare ⌈${formatNumber(inFlight)} / ${POOL_HEADROOM}⌉ = ${sized}.` : `${formatNumber(inFlight)}: ${base}.`,
      assumptions: [
        'The rate and the time are steady averages; size for the peak rate and the p99 time if the pool must not queue at peak.',
        ...(pool ? ['Pools are sized at L / 0.75 so they run at most 75 % full.'] : []),
      ],
      entries: ['littles-law', 'undersized-pools', 'queueing-theory'],
    };
  },
};

/** "A server handles 100 req/s and gets 90 req/s, what's the latency?": the M/M/1 queue. */
const queue: Sizer = {
  id: 'queue',
  size(f) {
    if (f.rates.length < 2 || !/\b(?:latency|response time|wait|queue|how long|delay)\b/.test(f.text)) return undefined;
    const capacityFirst = /\b(?:handles?|serves?|capacity|can do|processes|max(?:imum)?)\b[^,.;]*?\d/.exec(f.text);
    const [first, second] = [f.rates[0]!.value, f.rates[1]!.value];
    const serviceRate = capacityFirst && capacityFirst.index < f.text.indexOf(String(f.rates[1]!.value)) ? first : Math.max(first, second);
    const arrivalRate = serviceRate === first ? second : first;
    if (arrivalRate >= serviceRate) return undefined;
    const inputs = { arrivalRate, serviceRate };
    const { result, formula } = runModel('queue', inputs);
    const ms = (result.meanResponseTime as number) * 1000;
    return {
      model: 'queue',
      inputs,
      result,
      formula,
      headline: `${formatNumber(ms, 1)} ms on average: at ${formatNumber(arrivalRate)}/s against a capacity of ${formatNumber(serviceRate)}/s the server is ${formatNumber((result.utilization as number) * 100, 1)} % busy, and W = 1 / (μ − λ) = 1 / (${formatNumber(serviceRate)} − ${formatNumber(arrivalRate)}) s.`,
      assumptions: ['One server with random (Poisson) arrivals and service times (M/M/1); keep utilization under 70 % to stay clear of the knee.'],
      entries: ['queueing-theory', 'utilization-above-70', 'P12'],
    };
  },
};

/** "Speedup on 16 cores if 10 % is serial?" and "5 % serial, max speedup?": Amdahl's law. */
const amdahl: Sizer = {
  id: 'amdahl',
  size(f) {
    const serial = f.percents[0];
    if (serial === undefined || serial <= 0 || serial >= 100 || !/\bserial|\bsequential|\bsingle[- ]threaded|\bspeed ?up\b|\bparallel/.test(f.text)) return undefined;
    const workers = f.counts.find((c) => /^(?:core|cpu|worker|thread|node|machine|server|instance)$/.test(c.noun))?.value;
    const inputs = { serial: serial / 100, workers: workers ?? 1 };
    const { result, formula } = runModel('amdahl', inputs);
    const max = result.maxSpeedup as number;
    if (workers === undefined) {
      return {
        model: 'amdahl',
        inputs,
        result,
        formula: `max speedup = 1 / F = 1 / ${serial / 100} = ${formatNumber(max, 2)}`,
        headline: `${formatNumber(max, 2)}x at most: with ${formatNumber(serial)} % of the work serial, no number of workers beats 1 / ${serial / 100} (Amdahl's law).`,
        assumptions: ['The serial share stays the same as workers are added.'],
        entries: ['amdahls-law', 'serial-bottleneck', 'universal-scalability-law'],
      };
    }
    const speedup = result.speedup as number;
    return {
      model: 'amdahl',
      inputs,
      result,
      formula,
      headline: `${formatNumber(speedup, 2)}x: with ${formatNumber(serial)} % serial, ${workers} workers give 1 / (${serial / 100} + ${1 - serial / 100} / ${workers}), and no number of workers beats ${formatNumber(max, 2)}x.`,
      assumptions: ['The serial share stays the same as workers are added; coordination costs (USL) would lower it further.'],
      entries: ['amdahls-law', 'serial-bottleneck', 'universal-scalability-law'],
    };
  },
};

/** "With sigma 0.03 and kappa 0.0001, where does throughput peak?": the USL peak. */
const usl: Sizer = {
  id: 'usl',
  size(f) {
    const { sigma, kappa } = f.symbols;
    if (sigma === undefined || kappa === undefined || kappa <= 0) return undefined;
    const workers = f.counts.find((c) => /^(?:node|worker|server|instance|machine|core)$/.test(c.noun))?.value ?? 1;
    const inputs = { sigma, kappa, workers };
    const { result, formula } = runModel('usl', inputs);
    const peak = result.peakWorkers as number;
    return {
      model: 'usl',
      inputs,
      result,
      formula,
      headline: `About ${formatNumber(peak, 1)} nodes: throughput peaks at √((1 − σ) / κ) = √((1 − ${sigma}) / ${kappa}) and falls beyond it (universal scalability law).`,
      assumptions: ['σ (contention) and κ (coherency) fitted from a load test; past the peak, split into cells or shards rather than grow one cluster.'],
      entries: ['universal-scalability-law', 'scaling-past-usl-peak', 'amdahls-law'],
    };
  },
};

/** The capacity sizers, most specific first. */
export const capacitySizers: readonly Sizer[] = [usl, amdahl, partitions, queue, littlesLaw];

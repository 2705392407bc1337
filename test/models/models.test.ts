import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { amdahlModel } from '../../src/rules/models/amdahl.ts';
import { availabilityModel } from '../../src/rules/models/availability.ts';
import { calcModels } from '../../src/rules/models/index.ts';
import { compositeModel } from '../../src/rules/models/composite.ts';
import { failoverModel } from '../../src/rules/models/failover.ts';
import { littlesLawModel } from '../../src/rules/models/littles-law.ts';
import { partitionsModel } from '../../src/rules/models/partitions.ts';
import { queueModel } from '../../src/rules/models/queue.ts';
import { quorumModel } from '../../src/rules/models/quorum.ts';
import { rttModel } from '../../src/rules/models/rtt.ts';
import { seriesModel } from '../../src/rules/models/series.ts';
import { throughputModel } from '../../src/rules/models/throughput.ts';
import { uslModel } from '../../src/rules/models/usl.ts';
import { thrownBy } from '../helpers/thrown.ts';

function userErrorOf(run: () => unknown): UserError {
  return thrownBy(UserError, run);
}

describe('availability model', () => {
  it('gives 1 − 0.005³ for three replicas of 0.995 when one must be up', () => {
    const result = availabilityModel({ node: 0.995, replicas: 3 });
    expect(result.availability).toBeCloseTo(1 - 0.005 ** 3, 15);
    expect(result.downtimeMinutesPerYear).toBeCloseTo(0.005 ** 3 * 525_600, 9);
  });

  it('gives the binomial probability that two of three are up', () => {
    // 3·a²·(1−a) + a³ with a = 0.995
    const expected = 3 * 0.995 ** 2 * 0.005 + 0.995 ** 3;
    expect(availabilityModel({ node: 0.995, replicas: 3, quorum: 2 }).availability).toBeCloseTo(expected, 14);
  });

  it('needs every node up when the quorum is all of them', () => {
    expect(availabilityModel({ node: 0.99, replicas: 2, quorum: 2 }).availability).toBeCloseTo(0.9801, 14);
  });

  it('rejects a quorum larger than the replica count and a node availability above 1', () => {
    expect(userErrorOf(() => availabilityModel({ node: 0.9, replicas: 3, quorum: 4 })).message).toContain('quorum must be at most replicas');
    expect(userErrorOf(() => availabilityModel({ node: 1.5, replicas: 3 })).message).toBe('availability: node must be at most 1');
  });

  it('shows the formula with the numbers put in', () => {
    const model = calcModels.availability!;
    const inputs = { node: 0.995, replicas: 3, quorum: 2 };
    expect(model.formula(inputs, model.run(inputs))).toContain('P(≥2 of 3 up) with a=0.995: Σ C(3,i)·0.995^i·0.005^(3−i) for i≥2 = 0.99992525');
  });
});

describe('the other models', () => {
  it('multiplies the availabilities of components in series', () => {
    expect(seriesModel({ components: [0.999, 0.999, 0.999, 0.999, 0.999] }).availability).toBeCloseTo(0.995009990004999, 14);
  });

  it('takes the smallest bottleneck times the headroom (stream-bound example gives 56,000)', () => {
    expect(throughputModel({ bottlenecks: [160_000, 80_000, 200_000] }).throughput).toBeCloseTo(56_000, 9);
    expect(throughputModel({ bottlenecks: [1000], headroom: 0.5 }).throughput).toBe(500);
  });

  it("solves Little's law for whichever quantity is missing", () => {
    expect(littlesLawModel({ arrivalRate: 10_000, responseTime: 0.1 })).toEqual({ concurrency: 1000 });
    expect(littlesLawModel({ concurrency: 1000, responseTime: 0.1 })).toEqual({ arrivalRate: 10_000 });
    expect(littlesLawModel({ concurrency: 1000, arrivalRate: 10_000 })).toEqual({ responseTime: 0.1 });
  });

  it("refuses Little's law with one or three quantities", () => {
    expect(userErrorOf(() => littlesLawModel({ concurrency: 5 })).message).toContain('exactly two');
    expect(userErrorOf(() => littlesLawModel({ concurrency: 5, arrivalRate: 1, responseTime: 5 })).code).toBe('bad_input');
  });

  it("gives Amdahl's 10.3x for 5% serial work on 20 workers and a 20x ceiling", () => {
    const result = amdahlModel({ serial: 0.05, workers: 20 });
    expect(result.speedup).toBeCloseTo(10.26, 2);
    expect(result.maxSpeedup).toBeCloseTo(20, 12);
    expect(amdahlModel({ serial: 0.05, workers: 100 }).speedup).toBeCloseTo(16.81, 2);
  });

  it('peaks the USL near 98.5 workers with C(20) = 12.4 for σ=0.03 and κ=0.0001', () => {
    const result = uslModel({ sigma: 0.03, kappa: 0.0001, workers: 20 });
    expect(result.peakWorkers).toBeCloseTo(98.49, 2);
    expect(result.speedup).toBeCloseTo(12.44, 2);
    expect(uslModel({ sigma: 0.03, kappa: 0.0001, workers: 200 }).speedup).toBeCloseTo(18.3, 1);
  });

  it('needs 15 partitions for 100,000 writes/s with a surge of 2', () => {
    expect(partitionsModel({ writesPerSec: 100_000, dataGb: 0, surge: 2 }).partitions).toBe(15);
    expect(partitionsModel({ writesPerSec: 100_000, dataGb: 0 }).partitions).toBe(8);
  });

  it('lets the data size decide the partitions at 2,000 GB each when it needs more, and never gives fewer than one', () => {
    // ⌈2500 / 2000⌉ = 2 (the old reading, ⌈2500 / 100⌉ = 25, took the 100 GB trigger for a shard's size)
    expect(partitionsModel({ writesPerSec: 1000, dataGb: 2500 }).partitions).toBe(2);
    expect(partitionsModel({ writesPerSec: 3000, dataGb: 5000 })).toEqual({ partitions: 3, forWrites: 1, forData: 3 });
    expect(partitionsModel({ writesPerSec: 0, dataGb: 250, gbPerPartition: 100 }).partitions).toBe(3);
    expect(partitionsModel({ writesPerSec: 0, dataGb: 0 }).partitions).toBe(1);
    expect(partitionsModel({ writesPerSec: 14_000, dataGb: 0 }).partitions).toBe(1);
  });

  it('composes a request path: tiers in series times the region, regions in parallel', () => {
    // 0.99 × 0.999 × 0.99999 = 0.9890001099
    const one = compositeModel({ tiers: [0.99, 0.999] });
    expect(one.availability).toBeCloseTo(0.9890001099, 12);
    expect(one.regionPathAvailability).toBeCloseTo(0.9890001099, 12);
    // path 0.999 × 0.99999 = 0.99899001; two regions: 1 − 0.00100999² = 0.99999897992
    const two = compositeModel({ tiers: [0.999], regions: 2 });
    expect(two.availability).toBeCloseTo(0.99999897992, 12);
    // five nines never pass in one region: even perfect tiers stop at the region's 0.99999
    expect(compositeModel({ tiers: [1, 1, 1] }).availability).toBeCloseTo(0.99999, 14);
    expect(compositeModel({ tiers: [0.9], regionAvailability: 1 }).downtimeMinutesPerYear).toBeCloseTo(52_560, 6);
  });

  it('caps a path with thirty bare 0.9999 dependencies near 99.7 %', () => {
    // 0.9999^30 = 0.99700435 × 0.99999 = 0.99699438
    expect(compositeModel({ tiers: Array(30).fill(0.9999) }).availability).toBeCloseTo(0.996994, 6);
  });

  it('charges the time spent replacing failed leaders: two failures of 30 s a year lose one minute', () => {
    const result = failoverModel({ nodeFailuresPerYear: 2, failoverSec: 30 });
    // 1 − 2 × 30 / 31536000 = 0.999998097412
    expect(result.availability).toBeCloseTo(0.999998097412, 12);
    expect(result.downtimeMinutesPerYear).toBeCloseTo(1, 12);
    expect(failoverModel({ nodeFailuresPerYear: 0, failoverSec: 30 }).availability).toBe(1);
    expect(userErrorOf(() => failoverModel({ nodeFailuresPerYear: 2 } as never)).message).toBe('failover: failoverSec is missing');
  });

  it('gives a majority of 2 for 3 replicas and strong reads for R=2, W=2', () => {
    expect(quorumModel({ replicas: 3, reads: 2, writes: 2 })).toEqual({ majority: 2, toleratedFailures: 1, strongReads: true });
    expect(quorumModel({ replicas: 5 })).toEqual({ majority: 3, toleratedFailures: 2 });
    expect(quorumModel({ replicas: 4, reads: 1, writes: 3 }).strongReads).toBe(false);
  });

  it('refuses a read quorum without a write quorum', () => {
    expect(userErrorOf(() => quorumModel({ replicas: 3, reads: 2 })).message).toContain('reads and writes together');
  });

  it('gives a 0.1 s response time for an M/M/1 queue at 90 of 100 per second', () => {
    const result = queueModel({ arrivalRate: 90, serviceRate: 100 });
    expect(result.utilization).toBeCloseTo(0.9, 12);
    expect(result.meanResponseTime).toBeCloseTo(0.1, 12);
    expect(result.meanInSystem).toBeCloseTo(9, 9);
  });

  it('refuses a queue whose arrivals reach its service rate', () => {
    const err = userErrorOf(() => queueModel({ arrivalRate: 100, serviceRate: 100 }));
    expect(err.code).toBe('bad_input');
    expect(err.message).toContain('must be below serviceRate');
  });

  it('gives a 10 ms round-trip floor for 1000 km of fibre', () => {
    expect(rttModel({ distanceKm: 1000 })).toEqual({ minRttMs: 10 });
  });

  it('refuses negative rates and missing inputs with the input named', () => {
    expect(userErrorOf(() => partitionsModel({ writesPerSec: -1, dataGb: 1 })).message).toBe('partitions: writesPerSec must be at least 0');
    expect(userErrorOf(() => rttModel({} as never)).message).toBe('rtt: distanceKm is missing');
  });

  it('lists all twelve models in interface order', () => {
    expect(Object.keys(calcModels)).toEqual([
      'availability', 'series', 'throughput', 'littles-law', 'amdahl', 'usl', 'partitions', 'quorum', 'queue', 'rtt', 'composite', 'failover',
    ]);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { availabilityModel } from '../../src/rules/models/availability.ts';
import { partitionsModel } from '../../src/rules/models/partitions.ts';
import { throughputModel } from '../../src/rules/models/throughput.ts';

const nodeAvailability = fc.double({ min: 0, max: 1, noNaN: true });

describe('model properties', () => {
  it('never lowers availability when a replica is added and one must be up', () => {
    fc.assert(
      fc.property(nodeAvailability, fc.integer({ min: 1, max: 99 }), (node, replicas) => {
        const fewer = availabilityModel({ node, replicas }).availability;
        const more = availabilityModel({ node, replicas: replicas + 1 }).availability;
        expect(more).toBeGreaterThanOrEqual(fewer);
      }),
    );
  });

  it('never raises availability when more replicas must be up', () => {
    fc.assert(
      fc.property(nodeAvailability, fc.integer({ min: 2, max: 100 }), fc.nat(), (node, replicas, seed) => {
        const quorum = 1 + (seed % (replicas - 1));
        const looser = availabilityModel({ node, replicas, quorum }).availability;
        const stricter = availabilityModel({ node, replicas, quorum: quorum + 1 }).availability;
        expect(stricter).toBeLessThanOrEqual(looser + 1e-12);
      }),
    );
  });

  it('keeps availability between 0 and 1', () => {
    fc.assert(
      fc.property(nodeAvailability, fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), (node, replicas, k) => {
        const { availability } = availabilityModel({ node, replicas, quorum: Math.min(k, replicas) });
        expect(availability).toBeGreaterThanOrEqual(0);
        expect(availability).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('never gives more throughput than the smallest bottleneck', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e-6, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 20 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (bottlenecks, headroom) => {
          expect(throughputModel({ bottlenecks, headroom }).throughput).toBeLessThanOrEqual(Math.min(...bottlenecks));
        },
      ),
    );
  });

  it('gives at least one partition and never fewer for more writes', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e9, noNaN: true }),
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        (writes, extra, dataGb) => {
          const base = partitionsModel({ writesPerSec: writes, dataGb }).partitions;
          expect(base).toBeGreaterThanOrEqual(1);
          expect(partitionsModel({ writesPerSec: writes + extra, dataGb }).partitions).toBeGreaterThanOrEqual(base);
        },
      ),
    );
  });
});

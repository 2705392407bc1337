import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../src/rules/assessment.ts';
import { consistencies, domains, orderings, type Requirements } from '../../src/rules/requirements.ts';
import { realAssessor } from './assessor-fixture.ts';

const requirements: fc.Arbitrary<Requirements> = fc
  .record(
    {
      domain: fc.constantFrom(...domains),
      consistency: fc.constantFrom(...consistencies),
      readsPerSec: fc.integer({ min: 0, max: 2_000_000 }),
      writesPerSec: fc.integer({ min: 0, max: 2_000_000 }),
      peakFactor: fc.double({ min: 1, max: 10, noNaN: true }),
      dataSizeGb: fc.integer({ min: 0, max: 100_000 }),
      availability: fc.constantFrom(0.99, 0.999, 0.9995, 0.9999, 0.99999),
      nodeAvailability: fc.constantFrom(0.9, 0.99, 0.995, 0.999),
      replicas: fc.integer({ min: 1, max: 9 }),
      readLatencyMs: fc.constantFrom(0.5, 5, 50, 500),
      writeLatencyMs: fc.constantFrom(1, 10, 100),
      regions: fc.integer({ min: 1, max: 5 }),
      rpoSec: fc.integer({ min: 0, max: 600 }),
      budgetUsdPerMonth: fc.integer({ min: 0, max: 1_000_000 }),
      ordering: fc.constantFrom(...orderings),
      exactlyOnce: fc.boolean(),
      auditTrail: fc.boolean(),
      eventSourcing: fc.boolean(),
      crossServiceTransaction: fc.boolean(),
      publishesEvents: fc.boolean(),
      multiTenant: fc.boolean(),
      highContention: fc.boolean(),
      progressiveRollout: fc.boolean(),
      unreliableDependencies: fc.boolean(),
      queryShapes: fc.integer({ min: 0, max: 5000 }),
    },
    { requiredKeys: [] },
  )
  .filter((r) => Object.keys(r).length > 0);

describe('assessment properties', () => {
  it('always yields a well-formed assessment whose items each have reasons and an explanation', async () => {
    const assessor = await realAssessor();
    await fc.assert(
      fc.asyncProperty(requirements, async (r) => {
        const { assessment, why, whyNot } = await assessor.assess(r);
        Assessment.parse(assessment);
        for (const item of [...assessment.capabilities, ...assessment.primitives, ...assessment.patterns]) {
          expect(item.reasons.length).toBeGreaterThan(0);
          expect(why(item.id)?.length).toBeGreaterThan(0);
          expect(whyNot(item.id)[0]).toContain('is in the design');
        }
        const primitives = new Set(assessment.primitives.map((p) => p.id));
        // required combinations hold after the closure
        if (primitives.has('P7')) expect(primitives.has('P8')).toBe(true);
        if (primitives.has('P8')) expect(primitives.has('P9')).toBe(true);
        if (primitives.has('P12')) expect(primitives.has('P10')).toBe(true);
        if (primitives.has('P19')) expect(primitives.has('P3') || primitives.has('P14')).toBe(true);
        // a check without a target is not judged, and only judged checks decide the verdict
        expect(assessment.validation.pass).toBe(assessment.validation.checks.every((c) => c.pass !== false));
        for (const c of assessment.validation.checks) expect(c.pass === null).toBe(c.required === null);
      }),
      { numRuns: 150 },
    );
  });

  it("gives the interview's outcome equal to the assessment's design and checks, for any requirements", async () => {
    const assessor = await realAssessor();
    await fc.assert(
      fc.asyncProperty(requirements, async (r) => {
        const { assessment } = await assessor.assess(r);
        const { capabilities, primitives, patterns, validation } = assessment;
        expect(await assessor.outcome(r)).toEqual({ capabilities, primitives, patterns, validation });
      }),
      { numRuns: 100 },
    );
  });

  it('never drops partitioning as the write rate grows', async () => {
    const assessor = await realAssessor();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }), async (a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const has = async (w: number) => (await assessor.assess({ writesPerSec: w })).assessment.primitives.some((p) => p.id === 'P1');
        if (await has(low)) expect(await has(high)).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { parseRequirementsText } from '../../src/rules/parsers/free-text.ts';
import { RequirementsShape } from '../../src/rules/requirements.ts';

describe('parseRequirementsText', () => {
  it('reads the fields of a typical Slack description', () => {
    const parsed = parseRequirementsText(
      'financial, 20k writes/s, 200k reads/s, four nines, p99 reads under 50ms, 100 GB, eu + us, exactly once, audit trail, multi-tenant, publishes events, rpo 30s',
    );
    expect(parsed.requirements).toEqual({
      domain: 'financial',
      writesPerSec: 20_000,
      readsPerSec: 200_000,
      availability: 0.9999,
      readLatencyMs: 50,
      dataSizeGb: 100,
      regions: 2,
      exactlyOnce: true,
      auditTrail: true,
      multiTenant: true,
      publishesEvents: true,
      rpoSec: 30,
    });
    expect(parsed.understood).toContain('writesPerSec = 20000');
    expect(parsed.understood).toContain('availability = 0.9999');
    expect(parsed.unrecognized).toEqual([]);
    expect(RequirementsShape.safeParse(parsed.requirements).success).toBe(true);
  });

  it('reads explicit field: value clauses, units, negations and the name as typed', () => {
    const parsed = parseRequirementsText(
      'called Order Hub; e-commerce; rto: 5 min; budget $20k/month; 3x peak; 3 replicas; per-key ordering; strongly consistent; no audit trail; single-tenant; p99 writes under 200ms; three and a half nines',
    );
    expect(parsed.requirements).toMatchObject({
      name: 'Order Hub',
      domain: 'ecommerce',
      rtoSec: 300,
      budgetUsdPerMonth: 20_000,
      peakFactor: 3,
      replicas: 3,
      ordering: 'per-key',
      consistency: 'linearizable',
      auditTrail: false,
      multiTenant: false,
      writeLatencyMs: 200,
      availability: 0.9995,
    });
  });

  it('reads bounded staleness with its bound', () => {
    expect(parseRequirementsText('bounded staleness of 5s').requirements).toEqual({ consistency: 'bounded-staleness', stalenessBoundSec: 5 });
  });

  it('lists what it could not use, with the reason when a value is wrong', () => {
    const parsed = parseRequirementsText('social feed, banana, availability 150%');
    expect(parsed.requirements).toEqual({ name: 'Social feed', domain: 'social' });
    expect(parsed.unrecognized).toEqual(['"banana"', '"150%" (an availability must be between 0 and 100 %)']);
  });

  it('keeps 20,000 together as one number', () => {
    expect(parseRequirementsText('20,000 writes/s, 3 regions').requirements).toEqual({ writesPerSec: 20_000, regions: 3 });
  });

  it('refuses a description longer than 4,000 characters', () => {
    expect(() => parseRequirementsText('20k writes/s, '.repeat(400))).toThrow(UserError);
  });
});

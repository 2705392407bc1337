import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.ts';
import { fieldInfo, parseFieldValue } from '../../src/rules/field-kinds.ts';
import { requirementFields } from '../../src/rules/requirements.ts';

const readable: Array<[field: string, text: string, value: unknown]> = [
  ['writesPerSec', '20k', 20_000],
  ['writesPerSec', '20K', 20_000],
  ['writesPerSec', '1.5M/s', 1_500_000],
  ['writesPerSec', '2e4', 20_000],
  ['writesPerSec', '20,000', 20_000],
  ['writesPerSec', '20 000 writes/s', 20_000],
  ['readsPerSec', '150 per second', 150],
  ['readsPerSec', '200k reads/s', 200_000],
  ['readsPerSec', '6000 per minute', 100],
  ['readsPerSec', '50k qps', 50_000],
  ['peakFactor', '3x', 3],
  ['peakFactor', '1.5', 1.5],
  ['peakFactor', 'x2', 2],
  ['availability', '99.99%', 0.9999],
  ['availability', '0.9999', 0.9999],
  ['availability', 'four nines', 0.9999],
  ['availability', '4 nines', 0.9999],
  ['availability', 'five nines', 0.99999],
  ['availability', 'three and a half nines', 0.9995],
  ['availability', '99.9', 0.999],
  ['nodeAvailability', '99.5 %', 0.995],
  ['readLatencyMs', '200ms', 200],
  ['readLatencyMs', '2 s', 2000],
  ['writeLatencyMs', '1.5 sec', 1500],
  ['writeLatencyMs', 'under 50 ms', 50],
  ['readLatencyMs', '750us', 0.75],
  ['rpoSec', '200ms', 0.2],
  ['rtoSec', '5 min', 300],
  ['rtoSec', '1h', 3600],
  ['rpoSec', '30', 30],
  ['stalenessBoundSec', '5 seconds', 5],
  ['dataSizeGb', '100 GB', 100],
  ['dataSizeGb', '1TB', 1000],
  ['dataSizeGb', '500mb', 0.5],
  ['dataSizeGb', '2 PB', 2_000_000],
  ['dataSizeGb', '40', 40],
  ['regions', 'eu + us', 2],
  ['regions', 'us, eu and apac', 3],
  ['regions', '3 regions', 3],
  ['regions', '3', 3],
  ['regions', 'us-east-1 and eu-west-1', 2],
  ['regions', 'single region', 1],
  ['budgetUsdPerMonth', '$5k', 5000],
  ['budgetUsdPerMonth', '5000 usd/month', 5000],
  ['budgetUsdPerMonth', '$60k per year', 5000],
  ['replicas', 'three', 3],
  ['queryShapes', '12 query shapes', 12],
  ['exactlyOnce', 'yes', true],
  ['auditTrail', 'Y', true],
  ['multiTenant', 'yeah', true],
  ['eventSourcing', 'true', true],
  ['publishesEvents', 'sure', true],
  ['highContention', 'no', false],
  ['progressiveRollout', 'n', false],
  ['unreliableDependencies', 'nope', false],
  ['crossServiceTransaction', 'false', false],
  ['exactlyOnce', 'none', false],
  ['domain', 'payments', 'financial'],
  ['domain', 'fintech', 'financial'],
  ['domain', 'Banking', 'financial'],
  ['domain', 'e-commerce', 'ecommerce'],
  ['domain', 'checkout', 'ecommerce'],
  ['domain', 'inventory', 'ecommerce'],
  ['domain', 'chat', 'messaging'],
  ['domain', 'telemetry', 'iot'],
  ['domain', 'sensors', 'iot'],
  ['domain', 'feed', 'social'],
  ['domain', 'games', 'gaming'],
  ['domain', 'cms', 'content'],
  ['domain', 'metrics', 'analytics'],
  ['consistency', 'strong', 'linearizable'],
  ['consistency', 'linearizable', 'linearizable'],
  ['consistency', 'ryw', 'read-your-writes'],
  ['consistency', 'eventually consistent', 'eventual'],
  ['ordering', 'per key', 'per-key'],
  ['ordering', 'per-key', 'per-key'],
  ['ordering', 'partition', 'per-key'],
  ['ordering', 'total order', 'total'],
  ['writespersec', '10', 10],
  ['name', '  Payments   ledger ', 'Payments ledger'],
];

const refused: Array<[field: string, text: string, message: string | RegExp]> = [
  ['availability', 'banana', /could not read "banana" as availability.*between 0 and 1, or a percentage like 99\.9%/],
  ['availability', '150%', 'availability must be between 0 and 1, or a percentage like 99.9%'],
  ['availability', '100', 'availability must be between 0 and 1, or a percentage like 99.9%'],
  ['availability', '1', 'availability must be between 0 and 1, or a percentage like 99.9%'],
  ['availability', '-0.5', 'availability must be between 0 and 1, or a percentage like 99.9%'],
  ['nodeAvailability', '0', 'nodeAvailability must be between 0 and 1, or a percentage like 99.9%'],
  ['availability', 'ten nines', /could not read/],
  ['writesPerSec', 'five-ish', /could not read "five-ish" as writesPerSec; write a number per second/],
  ['writesPerSec', '-3', /writesPerSec cannot be negative/],
  ['writesPerSec', 'NaN', /could not read "NaN"/],
  ['writesPerSec', '∞', /could not read "∞"/],
  ['writesPerSec', 'Infinity', /could not read "Infinity"/],
  ['writesPerSec', '1e999', /could not read "1e999"/],
  ['writesPerSec', '', /writesPerSec needs a value, for example 20k/],
  ['writesPerSec', '1,5', /could not read "1,5"/],
  ['readLatencyMs', '0ms', 'readLatencyMs must be greater than 0'],
  ['readLatencyMs', '5 parsecs', /"parsecs" is not a time unit I know/],
  ['rtoSec', 'soon', /could not read "soon" as rtoSec; write a number with a unit/],
  ['dataSizeGb', 'huge', /could not read "huge" as dataSizeGb/],
  ['dataSizeGb', '5 furlongs', /"furlongs" is not a size unit I know/],
  ['regions', 'banana', /could not read "banana" as a region/],
  ['regions', 'eu + mars', /could not read "mars" as a region/],
  ['regions', '0', 'regions must be at least 1'],
  ['regions', '2.5', /regions must be a whole number/],
  ['replicas', '1000', 'replicas must be at most 100'],
  ['replicas', '2.5', /replicas must be a whole number/],
  ['peakFactor', '0.5x', 'peakFactor must be at least 1'],
  ['peakFactor', '50k', /^peakFactor must be between 1 and 1000/],
  ['budgetUsdPerMonth', '€5k', /in US dollars/],
  ['exactlyOnce', 'maybe', /could not read "maybe" as yes or no for exactlyOnce/],
  ['domain', 'banana', /"banana" is not a domain I know; choose one of financial, ecommerce/],
  ['consistency', 'strongish', /is not a consistency I know.*did you mean/],
  ['ordering', 'sideways', /choose one of none, per-key, causal, total/],
  ['name', 'x'.repeat(201), 'name must be at most 200 characters'],
  ['writesPerSec', 'x'.repeat(1_000_000), /too long to be a value for writesPerSec/],
];

describe('parseFieldValue', () => {
  it.each(readable)('reads %s %j as %j', (field, text, value) => {
    expect(parseFieldValue(field, text)).toEqual(value);
  });

  it.each(refused)('refuses %s %j with a message that says what is allowed', (field, text, message) => {
    let caught: unknown;
    try {
      parseFieldValue(field, text);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('bad_value');
    if (typeof message === 'string') expect((caught as UserError).message).toBe(message);
    else expect((caught as UserError).message).toMatch(message);
  });

  it('names an unknown field and suggests the close ones', () => {
    let caught: unknown;
    try {
      parseFieldValue('writesPerSecond', '20k');
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UserError);
    expect((caught as UserError).code).toBe('unknown_field');
    expect((caught as UserError).message).toContain('"writesPerSecond"');
    expect((caught as UserError).suggestions).toContain('writesPerSec');
  });

  it('describes every requirements field, with values for the enums', () => {
    expect(Object.keys(fieldInfo).sort()).toEqual([...requirementFields].sort());
    for (const field of ['domain', 'consistency', 'ordering'] as const) expect(fieldInfo[field].values?.length).toBeGreaterThan(3);
  });

  it('reads each field example as a valid value', () => {
    for (const field of requirementFields) expect(() => parseFieldValue(field, fieldInfo[field].example)).not.toThrow();
  });
});

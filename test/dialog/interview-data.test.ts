import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { answerStep, nextStep } from '../../src/dialog/interview-flow.ts';
import { loadInterview } from '../../src/dialog/interview-schema.ts';
import { requirementFields } from '../../src/rules/requirements.ts';

const interview = loadInterview();

describe('the interview data', () => {
  it('asks for every requirement field a team is expected to answer', () => {
    const asked = new Set(interview.steps.flatMap((s) => s.fields));
    const notAsked = requirementFields.filter((f) => !asked.has(f));
    // The fields added for issue 14 (search, geo, fan-out …) are read from a description and asked
    // only when their answer would change the recommendation, not as steps of the full interview.
    const added = ['search', 'geoQueries', 'adHocQueries', 'staticContent', 'objectSizeKb', 'hotKeys', 'fanOut', 'retentionDays', 'dependencies', 'availabilityZones', 'coordination'];
    expect(notAsked.sort()).toEqual(['nodeAvailability', 'replicas', ...added].sort());
  });

  it('offers only choices that the answer parsers accept', () => {
    for (const step of interview.steps) {
      for (const choice of step.choices) {
        expect(() => answerStep(step, choice.value), `${step.id}: ${choice.value}`).not.toThrow();
      }
    }
  });

  it('offers the four availability targets as choices', () => {
    const step = interview.steps.find((s) => s.id === 'availability');
    expect(step?.choices.map((c) => c.label)).toEqual(['99.9%', '99.95%', '99.99%', '99.999%']);
  });

  it('asks the staleness bound only for bounded-staleness consistency', () => {
    expect(nextStep(interview, 'consistency', { consistency: 'eventual' })?.id).toBe('writes');
    expect(nextStep(interview, 'consistency', {})?.id).toBe('writes');
    expect(nextStep(interview, 'consistency', { consistency: 'bounded-staleness' })?.id).toBe('staleness');
  });

  it('skips read questions for a write-only system', () => {
    expect(nextStep(interview, 'availability', { readsPerSec: 0, writesPerSec: 10 })?.id).toBe('write-latency');
  });

  it('leaves consistency unset when the domain should decide', () => {
    const step = interview.steps.find((s) => s.id === 'consistency')!;
    expect(answerStep(step, 'Let the domain decide')).toEqual({ consistency: undefined });
  });

  it('rejects a broken interview file naming the file and the problem', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-interview-'));
    const path = join(dir, 'interview.json');
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, steps: [{ id: 'x', type: 'value', fields: ['writesPerSecond'], question: 'q', help: 'h' }] }));
    expect(() => loadInterview(path)).toThrow(/interview\.json.*writesPerSecond|interview\.json.*not a requirements field/);
  });
});

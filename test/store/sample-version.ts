import type { Assessment } from '../../src/rules/assessment.ts';
import type { DesignVersion } from '../../src/dialog/ports/design-store.ts';

/** A sample version as a store receives it (the store numbers it). */
export type SampleVersion = Omit<DesignVersion, 'version'>;

/** An assessment that recommends nothing beyond the given capabilities. */
export function sampleAssessment(capabilities: Assessment['capabilities'] = []): Assessment {
  return {
    capabilities,
    primitives: [],
    patterns: [],
    nearMisses: [],
    validation: { pass: true, checks: [] },
    warnings: [],
    obligations: [],
    technologies: [],
    summary: { verdict: 'sample', headline: [], topRisks: [], decisions: [] },
    architecture: { components: [], edges: [] },
  };
}

/**
 * A design version saved by `savedBy`: by default `{ writesPerSec: 100 }` with every requirement
 * answered by `savedBy`, an empty assessment, saved now by the interview. `fields` replaces any of these.
 */
export function sampleVersion(savedBy: string, fields: Partial<SampleVersion> = {}): SampleVersion {
  const requirements = fields.requirements ?? { writesPerSec: 100 };
  return {
    requirements,
    assessment: sampleAssessment(),
    answeredBy: Object.fromEntries(Object.keys(requirements).map((k) => [k, savedBy])),
    savedBy,
    savedAt: new Date().toISOString(),
    cause: 'interview',
    ...fields,
  };
}

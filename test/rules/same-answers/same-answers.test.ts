import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadInterview } from '../../../src/dialog/interview-schema.ts';
import { Requirements } from '../../../src/rules/requirements.ts';
import { realAssessor, realCatalog } from '../assessor-fixture.ts';
import { answersFor, catalogIds, ranking } from './answers.ts';

/**
 * The engine's speed work must not change an answer: fixture.json holds requirement sets and what the engine
 * answered for them when generate.ts made it (assess JSON, outcome, why / why not for every id, and the
 * interview ranking); the real code of today must answer the same. Regenerate only for a change meant to alter answers.
 */
const fixture = JSON.parse(readFileSync(fileURLToPath(new URL('./fixture.json', import.meta.url)), 'utf8')) as {
  ids: number;
  interviewDigest: string;
  sets: Array<{ name: string; requirements: unknown; assess: string; outcome: string; explain: string }>;
  rankings: Array<{ name: string; requirements: unknown; questions: unknown }>;
};

describe('the engine answers as it did when the fixture was made', () => {
  it('gives the same assessment, outcome and explanations for every set', async () => {
    const assessor = await realAssessor();
    const ids = catalogIds(realCatalog());
    expect(ids).toHaveLength(fixture.ids);
    expect(fixture.sets.length).toBeGreaterThan(500);
    const differing: string[] = [];
    for (const set of fixture.sets) {
      const now = await answersFor(assessor, ids, Requirements.parse(set.requirements));
      for (const part of ['assess', 'outcome', 'explain'] as const) if (now[part] !== set[part]) differing.push(`${set.name}: ${part}`);
    }
    expect(differing).toEqual([]);
  });

  it('ranks the same questions first, with the same reasons', async () => {
    const assessor = await realAssessor();
    const interview = loadInterview();
    const digest = createHash('sha256').update(readFileSync(fileURLToPath(new URL('../../../data/interview.json', import.meta.url)))).digest('hex').slice(0, 20);
    for (const set of fixture.rankings) {
      const requirements = Requirements.parse(set.requirements);
      const now = await ranking(interview, requirements, (r) => assessor.outcome(r));
      // The questions come from data/interview.json: after a change there, only the engine's own consistency is checked.
      if (digest === fixture.interviewDigest) expect(now, set.name).toEqual(set.questions);
      const fromAssess = await ranking(interview, requirements, async (r) => (await assessor.assess(r)).assessment);
      expect(now, set.name).toEqual(fromAssess);
    }
  });
});

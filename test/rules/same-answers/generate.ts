/**
 * Writes fixture.json: requirement sets (the golden and published designs, the descriptions table's stated fields and
 * what the words reader reads from each text, and a sample of the interview ranking's probes) with what the engine
 * answered for each when the fixture was made. Run it only when an answer is meant to change:
 *   node --import tsx test/rules/same-answers/generate.ts
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../../../src/catalog/catalog-loader.ts';
import { loadInterview } from '../../../src/dialog/interview-schema.ts';
import { createAssessor } from '../../../src/rules/assessor.ts';
import { readWords } from '../../../src/rules/parse-requirements.ts';
import { Requirements } from '../../../src/rules/requirements.ts';
import { goldenDesigns } from '../golden-designs.ts';
import { loadDescriptions } from '../../words/accuracy.ts';
import { answersFor, catalogIds, ranking } from './answers.ts';

const catalog = loadCatalog();
const assessor = await createAssessor({ catalog });
const interview = loadInterview();
const ids = catalogIds(catalog);

const sets: Array<{ name: string; requirements: Requirements }> = [...goldenDesigns()];
for (const [i, row] of loadDescriptions().entries()) {
  const stated = Requirements.safeParse(row.fields);
  if (stated.success) sets.push({ name: `description ${i} stated`, requirements: stated.data });
  sets.push({ name: `description ${i} read`, requirements: Requirements.parse(readWords(row.text).requirements) });
}

// Every fifth read description is ranked; every seventh probe the ranking made is kept as a set of its own.
const ranked: Array<{ name: string; requirements: Requirements; questions: unknown }> = [];
const probes: Requirements[] = [];
let seen = 0;
for (const [i, set] of sets.filter((s) => s.name.endsWith(' read')).entries()) {
  const questions = await ranking(interview, set.requirements, async (r) => {
    if (seen++ % 7 === 0) probes.push(r);
    return assessor.outcome(r);
  });
  if (i % 5 === 0) ranked.push({ ...set, questions });
}
sets.push(...probes.map((requirements, i) => ({ name: `probe ${i}`, requirements })));

const answered = [];
for (const set of sets) answered.push({ ...set, ...(await answersFor(assessor, ids, set.requirements)) });
const interviewFile = fileURLToPath(new URL('../../../data/interview.json', import.meta.url));
const fixture = {
  about: 'Made by generate.ts from the engine as it was; same-answers.test.ts checks the engine of today gives the same answers.',
  ids: ids.length,
  interviewDigest: createHash('sha256').update(readFileSync(interviewFile)).digest('hex').slice(0, 20),
  sets: answered,
  rankings: ranked,
};
writeFileSync(fileURLToPath(new URL('./fixture.json', import.meta.url)), `${JSON.stringify(fixture, null, 1)}\n`);
console.log(`${answered.length} sets (${probes.length} probes), ${ranked.length} rankings, ${ids.length} ids`);

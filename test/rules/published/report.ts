// Prints the published-design figures of the current engine: npx tsx test/rules/published/report.ts
import { loadCatalog } from '../../../src/catalog/catalog-loader.ts';
import { createAssessor } from '../../../src/rules/assessor.ts';
import { Requirements } from '../../../src/rules/requirements.ts';
import { loadPublished, scoreDesign, summarize } from './score.ts';

const assessor = await createAssessor({ catalog: loadCatalog() });
const scores = [];
for (const design of loadPublished()) {
  const { assessment } = await assessor.assess(Requirements.parse(design.requirements));
  const s = scoreDesign(design, assessment);
  scores.push(s);
  console.log(`${s.id}: found ${s.found}/${s.essential}; missing ${s.missing.join(',') || '-'}; extra ${s.extra.join(',') || '-'}; rejected ${s.rejected.join(',') || '-'}${s.costRatio !== undefined ? `; cost ratio ${s.costRatio.toFixed(2)}` : ''}`);
}
console.log(JSON.stringify(summarize(scores)));

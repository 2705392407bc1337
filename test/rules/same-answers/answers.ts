import { createHash } from 'node:crypto';
import type { Catalog } from '../../../src/catalog/catalog.ts';
import { decisiveQuestions, type AssessFn, type DecisiveQuestion } from '../../../src/dialog/interview-decisive.ts';
import type { Interview } from '../../../src/dialog/interview-schema.ts';
import type { Assessor } from '../../../src/rules/assessor.ts';
import type { Requirements } from '../../../src/rules/requirements.ts';

/** A short digest of a JSON text: the fixture keeps these, so it stays small however large an assessment is. */
export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 20);
}

/** Every id the catalog names, sorted: the ids `why` and `why not` are asked about. */
export function catalogIds(catalog: Catalog): string[] {
  const ids = new Set<string>();
  const visit = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === 'object') {
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'id' && typeof inner === 'string') ids.add(inner);
        else visit(inner);
      }
    }
  };
  visit(catalog);
  return [...ids].sort();
}

/** What the engine answers for one requirement set: `assess --json`, `outcome()`, and why / why not for every id. */
export async function answersFor(assessor: Assessor, ids: readonly string[], requirements: Requirements): Promise<{ assess: string; outcome: string; explain: string }> {
  const result = await assessor.assess(requirements);
  const explain = ids.map((id) => [id, result.why(id), result.whyNot(id)]);
  return {
    assess: digest(JSON.stringify(result.assessment)),
    outcome: digest(JSON.stringify(await assessor.outcome(requirements))),
    explain: digest(JSON.stringify(explain)),
  };
}

/** The interview ranking's chosen questions (all of them, not only the five the chat shows). */
export function ranking(interview: Interview, requirements: Requirements, assess: AssessFn): Promise<DecisiveQuestion[]> {
  return decisiveQuestions(interview, requirements, assess, 100);
}

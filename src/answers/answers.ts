import type { Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import { problemRankingOf } from '../catalog/search-problems.ts';
import type { Reply } from '../dialog/reply.ts';
import { parseFieldValue } from '../rules/field-kinds.ts';
import { requirementFields } from '../rules/requirements.ts';
import { answerQuestion } from './answer-question.ts';
import { answerReply } from './answer-reply.ts';
import type { Answer, AnswerContext, DesignInView } from './answer.ts';
import { adviseDesign } from './design-advice.ts';
import { loadPlaces, type Places } from './sizing/places.ts';

/** Answers questions in team words; built once from the catalog. */
export interface Answers {
  /** The answer itself, platform-free (for tests and measurement). */
  answer(text: string): Answer;
  /** The reply to a question, with what it means for the thread's design when there is one. */
  reply(text: string, design?: DesignInView): Reply;
}

/** Checks that every design field the problem words name is a requirement `set` accepts with that value. */
export function checkDesignFields(catalog: Catalog): string[] {
  const problems: string[] = [];
  for (const entry of catalog.entries) {
    const df = catalog.problemWords(entry.id)?.designField;
    if (!df) continue;
    if (!(requirementFields as readonly string[]).includes(df.field)) {
      problems.push(`problems.json: ${entry.id}: designField names "${df.field}", which is not a requirement`);
      continue;
    }
    try {
      const parsed = parseFieldValue(df.field, String(df.value));
      if (JSON.stringify(parsed) !== JSON.stringify(df.value)) problems.push(`problems.json: ${entry.id}: ${df.field} reads "${String(df.value)}" as ${JSON.stringify(parsed)}`);
    } catch (err) {
      problems.push(`problems.json: ${entry.id}: ${df.field} does not accept ${JSON.stringify(df.value)} (${(err as Error).message})`);
    }
  }
  return problems;
}

/** Builds the answerer over a catalog and its name search; throws when the problem words name impossible what-ifs. */
export function createAnswers(catalog: Catalog, search: Search, places: Places = loadPlaces()): Answers {
  const problems = checkDesignFields(catalog);
  if (problems.length > 0) throw new Error(`The answers' data is inconsistent:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const ctx: AnswerContext = { catalog, search, ranking: problemRankingOf(catalog), places };
  return {
    answer: (text) => answerQuestion(ctx, text),
    reply(text, design) {
      const answer = answerQuestion(ctx, text, design);
      const advice = design && answer.kind !== 'unclear' ? adviseDesign(answer, design, catalog) : undefined;
      return answerReply(answer, catalog, advice);
    },
  };
}

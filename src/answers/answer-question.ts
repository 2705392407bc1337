import { answerComparison } from './answer-comparison.ts';
import { answerDefinition } from './answer-definition.ts';
import { answerProblem } from './answer-problem.ts';
import { answerSizing } from './answer-sizing.ts';
import { answerSymptom } from './answer-symptom.ts';
import { answerYesNo } from './answer-yes-no.ts';
import { entryNamed, type Answer, type AnswerContext, type DesignInView } from './answer.ts';
import { clarify } from './clarify.ts';
import { readQuestion } from './read-question.ts';
import { sizeQuestion } from './sizing/size-question.ts';

/** Below this ranking score the words point nowhere in particular, and the answer is a clarifying question. */
const weakScore = 4;

/**
 * Answers one question in team words: a sizing question runs a model (taking the numbers it leaves out
 * from the thread's design, when there is one); otherwise its shape
 * (comparison, definition, problem, yes/no, symptom) picks the answerer, and an open statement is a
 * problem or a symptom by what the catalog finds. Unclear text gets one clarifying question.
 */
export function answerQuestion(ctx: AnswerContext, input: string, design?: DesignInView): Answer {
  const sized = sizeQuestion(input, ctx.places, design);
  if (sized) return answerSizing(sized);
  const shape = readQuestion(input);
  if (shape.kind === 'comparison' && shape.sides) {
    const compared = answerComparison(ctx, shape.sides, shape.context ?? '');
    if (compared) return compared;
  }
  if (shape.kind === 'definition' && shape.subject) {
    const entry = entryNamed(ctx, shape.subject);
    if (entry) return answerDefinition(ctx, entry);
  }
  const top = ctx.ranking.rank(shape.text, { limit: 1 })[0];
  if (!top || top.score < weakScore) {
    // A short message that names an entry ("sagas", "circuit breaker") is a definition question.
    const named = shape.text.split(' ').length <= 4 ? entryNamed(ctx, shape.text) : undefined;
    return named ? answerDefinition(ctx, named) : clarify(ctx, shape.text);
  }
  const kind = shape.kind === 'open' || shape.kind === 'comparison' || shape.kind === 'definition' ? (top.kind === 'pitfall' ? 'symptom' : 'problem') : shape.kind;
  const answer =
    kind === 'yesno' ? answerYesNo(ctx, shape.text)
    : kind === 'symptom' ? answerSymptom(ctx, shape.text)
    : answerProblem(ctx, shape.text);
  return answer ?? clarify(ctx, shape.text);
}

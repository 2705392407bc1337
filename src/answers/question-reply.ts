import type { Catalog } from '../catalog/catalog.ts';
import type { Search } from '../catalog/search.ts';
import type { Design } from '../dialog/ports/design-store.ts';
import type { Reply } from '../dialog/reply.ts';
import type { DesignInView } from './answer.ts';
import { createAnswers, type Answers } from './answers.ts';
import { readQuestion } from './read-question.ts';

const built = new WeakMap<Catalog, Answers>();

/** The answerer of a catalog, built on first use and then shared by every turn. */
export function answersOf(catalog: Catalog, search: Search): Answers {
  let answers = built.get(catalog);
  if (!answers) {
    answers = createAnswers(catalog, search);
    built.set(catalog, answers);
  }
  return answers;
}

/** The design of a thread as an answer sees it: title, latest requirements and what the latest assessment recommends. */
export function designInView(design: Design | undefined): DesignInView | undefined {
  const latest = design?.versions.at(-1);
  if (!design || !latest) return undefined;
  const a = latest.assessment;
  return {
    title: design.title,
    requirements: latest.requirements as Record<string, unknown>,
    recommended: [...a.capabilities.map((c) => c.id), ...a.primitives.map((p) => p.id), ...a.patterns.map((p) => p.id)],
  };
}

/**
 * The hand-off between answers and the requirements reader (issue 15): a statement that names
 * several requirement fields is a description of a design, unless it is shaped as a question — a
 * question mark or question word, a comparison, a definition, a yes/no or a symptom — which is
 * answered even when it names figures ("at-least-once vs exactly-once for billing events").
 */
export function shapedAsQuestion(text: string): boolean {
  const shape = readQuestion(text);
  return shape.questionShaped || (shape.kind !== 'open' && shape.kind !== 'problem');
}

/** The reply to a question asked in a thread, with what it means for the thread's design. */
export function questionReply(deps: { catalog: Catalog; search: Search }, text: string, design: Design | undefined): Reply {
  return answersOf(deps.catalog, deps.search).reply(text, designInView(design));
}

import { expect } from 'vitest';
import type { Choice } from '../../src/dialog/reply.ts';
import { handedToRequirements, judge, loadQuestionTable, summarize, type TableQuestion, type Verdict } from '../answers/question-table.ts';

/** A reply as one platform showed it: its text and its buttons (the values they stand for). */
export interface ShownReply {
  text: string;
  choices: Choice[];
}

/** The table's rows a chat answers; the few descriptions it hands to the requirements reader are checked apart. */
export function chatQuestions(): TableQuestion[] {
  return loadQuestionTable().filter((q) => !handedToRequirements(q));
}

/** Judges what a platform showed: a reply whose first line asks and that offers two or more choices is a clarifying question. */
export function judgeShown(q: TableQuestion, shown: ShownReply): Verdict {
  const asks = /\?/.test(shown.text.split('\n')[0] ?? '') && shown.choices.length >= 2;
  return judge(q, { ...shown, kind: asks ? 'question' : 'answer' });
}

/** The table's bar: the first entry right for 92 % of the rows, in the top three for 97 %, and every number, opening, yes/no and clarification right. */
export function expectTableMet(table: readonly TableQuestion[], verdicts: readonly Verdict[]): void {
  const { firstRate, topThreeRate, misses } = summarize(table, verdicts);
  expect(firstRate, misses.join('\n')).toBeGreaterThanOrEqual(0.92);
  expect(topThreeRate, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
  expect(verdicts.every((v) => v.number && v.opening && v.yesNo && v.clarifies), misses.join('\n')).toBe(true);
}

/** Asks every chat question of the table, one after another, through `ask` (one platform's path), and checks the bar. */
export async function runQuestionTable(ask: (text: string, index: number) => Promise<ShownReply>): Promise<void> {
  const table = chatQuestions();
  const verdicts: Verdict[] = [];
  for (const [i, q] of table.entries()) verdicts.push(judgeShown(q, await ask(q.text, i)));
  expectTableMet(table, verdicts);
}

import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { shapedAsQuestion } from '../../src/answers/question-reply.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import { statedFieldCount } from '../../src/rules/parse-requirements.ts';

/** One team question of the table, with what its reply must do. */
export const TableQuestion = z.strictObject({
  kind: z.enum(['definition', 'comparison', 'problem', 'sizing', 'yesno', 'symptom', 'unclear']),
  text: z.string().min(1),
  expect: z.string().optional(),
  number: z.strictObject({ value: z.number(), tolerance: z.number().optional() }).optional(),
  answer: z.enum(['yes', 'no']).optional(),
  statement: z.boolean().optional(),
  /** The kind of public write-up the question is paraphrased from (the golden sets). */
  source: z.string().optional(),
});
export type TableQuestion = z.infer<typeof TableQuestion>;

/** A question table of this folder (test/answers/questions.json unless another file is named), checked. */
export function loadQuestionTable(file = 'questions.json'): TableQuestion[] {
  const raw = JSON.parse(readFileSync(new URL(`./${file}`, import.meta.url), 'utf8')) as { questions: unknown };
  return z.array(TableQuestion).parse(raw.questions);
}

/** The ids of a reply's `show <id>` choices, in order. */
export function shownIds(reply: Pick<Reply, 'choices'>): string[] {
  return (reply.choices ?? []).flatMap((c) => /^show (\S+)$/.exec(c.value)?.[1] ?? []);
}

/** The first sentence of a reply's text (up to the first full stop, question mark or line end). */
export function firstSentenceOf(text: string): string {
  return /^(.+?(?:[.?!](?=\s|$)|$))/m.exec(text.trim())?.[1] ?? text;
}

/** Decimals a number is stated with (99.501 → 3). */
function decimals(value: number): number {
  return (String(value).split('.')[1] ?? '').length;
}

/** The first number of a sentence, read as a person would ("2,000" is 2000). */
export function firstNumber(sentence: string): number | undefined {
  const m = /(\d[\d,]*(?:\.\d+)?)/.exec(sentence);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : undefined;
}

/** Whether `found` states `expected` to its precision (half a unit of its last decimal), or within its relative tolerance. */
export function sameNumber(found: number | undefined, expected: { value: number; tolerance?: number }): boolean {
  if (found === undefined) return false;
  const slack = Math.max(expected.value * (expected.tolerance ?? 0), 0.5 * 10 ** -decimals(expected.value));
  return Math.abs(found - expected.value) <= slack + 1e-12;
}

/** Words a reply may not open with: the search list and the shrug of the old lookup. */
export const searchOpenings = /^(?:Results for|Nothing matched|No match|I don't know|I'm not sure)/;

/** What one reply got right against its table row. */
export interface Verdict {
  first: boolean;
  topThree: boolean;
  number: boolean;
  opening: boolean;
  yesNo: boolean;
  clarifies: boolean;
}

/** Judges one reply against its row of the table. */
export function judge(q: TableQuestion, reply: Pick<Reply, 'text' | 'choices' | 'kind'>): Verdict {
  const ids = shownIds(reply);
  const sentence = firstSentenceOf(reply.text);
  return {
    first: q.expect === undefined || ids[0] === q.expect,
    topThree: q.expect === undefined || ids.slice(0, 3).includes(q.expect),
    number: q.number === undefined || sameNumber(firstNumber(sentence), q.number),
    opening: !searchOpenings.test(reply.text),
    yesNo: q.answer === undefined || sentence.startsWith(q.answer === 'yes' ? 'Yes' : 'No'),
    clarifies: q.kind !== 'unclear' || (reply.kind === 'question' && (reply.choices?.length ?? 0) >= 2),
  };
}

/** Hit rates over a list of verdicts, with the questions that missed. */
export function summarize(table: readonly TableQuestion[], verdicts: readonly Verdict[]) {
  const withExpect = table.map((q, i) => ({ q, v: verdicts[i]! })).filter(({ q }) => q.expect !== undefined);
  const firstRate = withExpect.filter(({ v }) => v.first).length / withExpect.length;
  const topThreeRate = withExpect.filter(({ v }) => v.topThree).length / withExpect.length;
  const misses = table.map((q, i) => ({ q, v: verdicts[i]! })).filter(({ v }) => !v.first || !v.topThree || !v.number || !v.opening || !v.yesNo || !v.clarifies);
  return { firstRate, topThreeRate, misses: misses.map(({ q, v }) => `${q.kind}: ${q.text} ${JSON.stringify(v)}`) };
}

/**
 * Rows a chat hands to the requirements reader instead (issue 15): statements, not shaped as a
 * question, that name two or more requirement fields. The answers module still answers them; a
 * chat reads them as a description of a design, as agreed with issue 15.
 */
export function handedToRequirements(q: TableQuestion): boolean {
  return statedFieldCount(q.text) >= 2 && !shapedAsQuestion(q.text);
}

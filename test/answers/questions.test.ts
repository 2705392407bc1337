import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch } from '../../src/catalog/search.ts';
import { createAnswers } from '../../src/answers/answers.ts';
import { judge, loadQuestionTable, summarize } from './question-table.ts';

const catalog = loadCatalog();
const answers = createAnswers(catalog, createSearch(catalog));
const table = loadQuestionTable();
const verdicts = table.map((q) => judge(q, answers.reply(q.text)));

describe('the team-question table answered by the answers module', () => {
  it('holds at least 80 questions across the six kinds, statements and unclear text', () => {
    expect(table.length).toBeGreaterThanOrEqual(80);
    for (const kind of ['definition', 'comparison', 'problem', 'sizing', 'yesno', 'symptom', 'unclear'] as const) {
      expect(table.filter((q) => q.kind === kind).length, kind).toBeGreaterThanOrEqual(kind === 'unclear' ? 3 : 10);
    }
    expect(table.filter((q) => q.statement).length).toBeGreaterThanOrEqual(3);
  });

  it('puts the right entry first for at least 92 % and in the first three for at least 97 %', () => {
    const { firstRate, topThreeRate, misses } = summarize(table, verdicts);
    expect(firstRate, misses.join('\n')).toBeGreaterThanOrEqual(0.92);
    expect(topThreeRate, misses.join('\n')).toBeGreaterThanOrEqual(0.97);
  });

  it('states every sizing number right in the first sentence', () => {
    const wrong = table.filter((q, i) => q.number && !verdicts[i]!.number).map((q) => `${q.text}: ${answers.reply(q.text).text.split('\n')[0]}`);
    expect(wrong).toEqual([]);
  });

  it('never opens with a search list or a shrug, and says yes or no first to a yes/no question', () => {
    expect(table.filter((_, i) => !verdicts[i]!.opening).map((q) => q.text)).toEqual([]);
    expect(table.filter((_, i) => !verdicts[i]!.yesNo).map((q) => q.text)).toEqual([]);
  });

  it('answers the session-3 golden set (written before the change it measures): first for 70 % or more, every sizing number right', () => {
    const golden = loadQuestionTable('team-questions.json');
    const judged = golden.map((q) => judge(q, answers.reply(q.text)));
    const { firstRate, misses } = summarize(golden, judged);
    expect(golden.length).toBeGreaterThanOrEqual(30);
    expect(firstRate, misses.join('\n')).toBeGreaterThanOrEqual(0.7);
    expect(golden.filter((q, i) => q.number && !judged[i]!.number).map((q) => q.text)).toEqual([]);
    expect(golden.filter((_, i) => !judged[i]!.opening || !judged[i]!.clarifies).map((q) => q.text)).toEqual([]);
  });

  it('answers unclear text with one clarifying question and choices', () => {
    expect(table.filter((_, i) => !verdicts[i]!.clarifies).map((q) => q.text)).toEqual([]);
  });
});

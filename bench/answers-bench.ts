import { readFileSync } from 'node:fs';
import { createAnswers } from '../src/answers/answers.ts';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { createSearch } from '../src/catalog/search.ts';
import { figure, type Figure } from './lib/figures.ts';
import { summarize, timeEachSync } from './lib/stats.ts';

/** The team-question table's texts (test/answers/questions.json): every kind, sizing included. */
function teamQuestions(): string[] {
  const table = JSON.parse(readFileSync(new URL('../test/answers/questions.json', import.meta.url), 'utf8')) as { questions: Array<{ text: string }> };
  return table.questions.map((q) => q.text);
}

/**
 * Figure 1b: question → reply latency (classify, rank, run a model, compose the reply) over the
 * team-question table, against today's `lookup` of the same texts (the reply a question got before).
 */
export async function benchAnswers(options: { rounds: number }): Promise<Figure[]> {
  const catalog = loadCatalog();
  const search = createSearch(catalog);
  const answers = createAnswers(catalog, search);
  const questions = teamQuestions();
  const n = questions.length * options.rounds;
  const q = (i: number) => questions[i % questions.length]!;
  const design = { title: 'ledger', requirements: { availability: 0.9999 }, recommended: ['P2'] };
  const baseline = summarize(timeEachSync(n, n, (i) => search.lookup(q(i), { limit: 5 })));
  const measured = summarize(timeEachSync(n, n, (i) => answers.reply(q(i), i % 2 === 0 ? design : undefined)));
  return [
    figure('1b question -> reply p50', measured.p50, 'ms', { baseline: baseline.p50 }),
    figure('1b question -> reply p99', measured.p99, 'ms', { baseline: baseline.p99, target: { maxValue: 5 } }),
  ];
}

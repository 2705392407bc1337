/**
 * Prints the reader's and the answerer's figures on every table: the descriptions tables of test/words
 * (fields right per kind, flips, misses) and the question tables of test/answers (right entry first, in
 * the first three, sizing numbers, yes/no, clarifying questions).
 * Run: node --import tsx test/words/score-sets.ts [--misses]
 */
import { createAnswers } from '../../src/answers/answers.ts';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch } from '../../src/catalog/search.ts';
import { readWords } from '../../src/rules/parse-requirements.ts';
import { judge, loadQuestionTable, summarize } from '../answers/question-table.ts';
import { formatScore, loadDescriptions, score } from './accuracy.ts';

const showMisses = process.argv.includes('--misses');
for (const file of ['descriptions.json', 'team-wording.json', 'team-wording-after.json', 'team-wording-final.json', 'team-wording-held.json']) {
  let table: ReturnType<typeof loadDescriptions>;
  try {
    table = loadDescriptions(file);
  } catch {
    continue;
  }
  const result = score(table, (text) => readWords(text).requirements);
  console.log(`\n## ${file} (${table.length} descriptions)\n${formatScore(result)}`);
  if (showMisses) for (const m of result.misses) console.log(`- ${m.field}: expected ${JSON.stringify(m.expected)}, read ${JSON.stringify(m.actual)} — ${m.text}`);
}

const catalog = loadCatalog();
const answers = createAnswers(catalog, createSearch(catalog));
for (const file of ['questions.json', 'team-questions.json', 'team-questions-after.json', 'team-questions-final.json']) {
  let table: ReturnType<typeof loadQuestionTable>;
  try {
    table = loadQuestionTable(file);
  } catch {
    continue;
  }
  const verdicts = table.map((q) => judge(q, answers.reply(q.text)));
  const { firstRate, topThreeRate, misses } = summarize(table, verdicts);
  const withExpect = table.filter((q) => q.expect !== undefined).length;
  const count = (key: keyof (typeof verdicts)[number], rows = table.map((_, i) => i)): string => `${rows.filter((i) => verdicts[i]![key]).length}/${rows.length}`;
  const where = (keep: (q: (typeof table)[number]) => boolean): number[] => table.flatMap((q, i) => (keep(q) ? [i] : []));
  console.log(`\n## ${file} (${table.length} questions)`);
  console.log(`first ${Math.round(firstRate * withExpect)}/${withExpect} (${(100 * firstRate).toFixed(1)} %), top three ${Math.round(topThreeRate * withExpect)}/${withExpect} (${(100 * topThreeRate).toFixed(1)} %)`);
  console.log(`sizing numbers ${count('number', where((q) => q.number !== undefined))}, yes/no ${count('yesNo', where((q) => q.answer !== undefined))}, unclear clarified ${count('clarifies', where((q) => q.kind === 'unclear'))}, opening not a list ${count('opening')}`);
  if (showMisses) {
    for (const m of misses) console.log(`- ${m}`);
    for (const [i, q] of table.entries()) if (!verdicts[i]!.first || !verdicts[i]!.number) console.log(`  ${q.text}\n    → ${answers.reply(q.text).text.split('\n')[0]}`);
  }
}

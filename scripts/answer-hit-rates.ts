/**
 * Hit rates of the team-question table (test/answers/questions.json) through `lookup` and through the
 * chat core: is the expected entry the first `show` choice (or the entry shown), and among the first three?
 * Run: node --import tsx scripts/answer-hit-rates.ts
 */
import { readFileSync } from 'node:fs';
import { loadCatalog } from '../src/catalog/catalog-loader.ts';
import { createSearch } from '../src/catalog/search.ts';
import { createCore } from '../src/dialog/core.ts';
import type { Reply } from '../src/dialog/reply.ts';
import { createAssessor } from '../src/rules/assessor.ts';
import { createMemoryStore } from '../src/store/memory/memory-store.ts';

interface Question {
  kind: string;
  text: string;
  expect?: string;
}

const table = JSON.parse(readFileSync(new URL('../test/answers/questions.json', import.meta.url), 'utf8')) as { questions: Question[] };
const questions = table.questions.filter((q) => q.expect !== undefined);
const catalog = loadCatalog();
const search = createSearch(catalog);
const core = createCore({ catalog, search, assessor: await createAssessor({ catalog }), store: createMemoryStore() });

/** The entry ids a reply points to, most relevant first: the entry shown, then its `show` choices. */
function idsOf(replies: Reply[]): string[] {
  const ids: string[] = [];
  for (const reply of replies) {
    for (const choice of reply.choices ?? []) {
      const m = /^show (\S+)$/.exec(choice.value);
      if (m?.[1]) ids.push(m[1]);
    }
  }
  // An entry reply is titled "CAP Theorem (L1, cap-theorem)" or "Idempotency (P7)": the id closes the title.
  const shown = replies.find((r) => r.kind === 'entry')?.title;
  const id = shown ? /(?:\(|, )([^(),]+)\)$/.exec(shown)?.[1] : undefined;
  const entry = id ? catalog.get(id) : undefined;
  return entry ? [entry.id, ...ids.filter((id) => id !== entry.id)] : ids;
}

const rows: Array<{ kind: string; lookup: number; chat: number; lookup3: boolean; chat3: boolean; listed: boolean }> = [];
/** A reply that opens with a search list, a shrug or a "did you mean" instead of an answer. */
const listOpening = /^(?:Results for|Nothing matched|No match|I don't know|I'm not sure)/;
let n = 0;
for (const q of questions) {
  const hits = search.lookup(q.text, { limit: 5 }).results.map((r) => r.id);
  const { replies } = await core.handle({ platform: 'terminal', workspace: 'w', channel: 'c', thread: `t${n++}`, user: 'u', text: q.text });
  const chat = idsOf(replies);
  rows.push({ kind: q.kind, lookup: hits.indexOf(q.expect!), chat: chat.indexOf(q.expect!), lookup3: hits.slice(0, 3).includes(q.expect!), chat3: chat.slice(0, 3).includes(q.expect!), listed: listOpening.test(replies[0]?.text ?? '') });
  if (process.argv.includes('--verbose')) console.log(`${q.kind}\t${q.expect}\tlookup=${hits.slice(0, 3).join(',')}\tchat=${chat.slice(0, 3).join(',')}\t${q.text}`);
}
const pct = (k: number, of: number): string => `${k}/${of} (${((100 * k) / of).toFixed(0)} %)`;
for (const kind of ['all', ...new Set(rows.map((r) => r.kind))]) {
  const rs = kind === 'all' ? rows : rows.filter((r) => r.kind === kind);
  console.log(
    `${kind.padEnd(11)} lookup first ${pct(rs.filter((r) => r.lookup === 0).length, rs.length)}, top 3 ${pct(rs.filter((r) => r.lookup3).length, rs.length)}; ` +
      `chat first ${pct(rs.filter((r) => r.chat === 0).length, rs.length)}, top 3 ${pct(rs.filter((r) => r.chat3).length, rs.length)}, ` +
      `chat opens with a list or shrug ${pct(rs.filter((r) => r.listed).length, rs.length)}`,
  );
}

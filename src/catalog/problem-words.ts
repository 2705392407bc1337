import * as z from 'zod';
import { normalizeId } from './normalize-id.ts';
import type { Entry, EntryKind } from './schema.ts';
import { checkedOnce } from '../checked-once.ts';

/** The file beside the entry files that holds the words teams use for what each entry is about. */
export const problemWordsFile = 'problems.json';

const phrase = z.string().trim().min(2).max(120);
const phrases = z.array(phrase).default([]);
const sentence = z.string().trim().min(10).max(400);

/**
 * What one entry is about, in the words teams use: the problems it solves ("double charge"),
 * the symptoms that point to it ("charged twice after a timeout"), other names ("dedup"), and
 * the sentences an answer is built from (how it solves the problem, when it fits, what to check first).
 */
export const ProblemWords = z.strictObject({
  id: z.string().trim().min(1),
  problems: phrases,
  symptoms: phrases,
  synonyms: phrases,
  /** How the entry answers its problems, as a clause that can follow "Name (id): ". */
  answer: sentence.optional(),
  /** When the entry is the right choice, as a clause ("one service must publish events about its commits"). */
  fitsWhen: sentence.optional(),
  /** For a pitfall: the first thing to look at when its symptoms show. */
  firstCheck: sentence.optional(),
  /** For a pitfall: when doing it anyway would be fine (the other answer to "should we …?"). */
  exceptWhen: sentence.optional(),
  /** Words in a question that make this entry the wrong choice ("payment" for hedging). */
  avoidWhen: phrases,
  /** Entries to use instead when this one is the wrong choice. */
  alternatives: z.array(z.string().trim().min(1)).default([]),
  /** The requirement (an assess field and value) that brings this entry into a design, for a what-if. */
  designField: z.strictObject({ field: z.string().trim().min(1), value: z.union([z.boolean(), z.number(), z.string()]) }).optional(),
});
export type ProblemWords = z.infer<typeof ProblemWords>;

/** Kinds whose every entry must have problem words, and the sentence each of them needs. */
const required: ReadonlyArray<{ kind: EntryKind; needs: 'answer' | 'firstCheck' }> = [
  { kind: 'law', needs: 'answer' },
  { kind: 'capability', needs: 'answer' },
  { kind: 'primitive', needs: 'answer' },
  { kind: 'pattern', needs: 'answer' },
  { kind: 'pitfall', needs: 'firstCheck' },
];

/** Parses the problem words file's content; each problem is a sentence naming the record. */
export function parseProblemWords(raw: unknown, problems: string[]): ProblemWords[] {
  if (!Array.isArray(raw)) {
    problems.push(`${problemWordsFile}: must be a JSON array of {id, problems, symptoms, synonyms, …} records`);
    return [];
  }
  const records: ProblemWords[] = [];
  raw.forEach((item: unknown, index) => {
    const parsed = ProblemWords.safeParse(item, checkedOnce);
    if (parsed.success) records.push(parsed.data);
    else {
      for (const issue of parsed.error.issues) {
        const path = issue.path.length > 0 ? issue.path.join('.') : '(record)';
        problems.push(`${problemWordsFile}: record ${index + 1}: ${path}: ${issue.message}`);
      }
    }
  });
  return records;
}

/**
 * Checks the problem words against the entries: every id exists and appears once, every law,
 * capability, primitive, pattern and pitfall is covered with at least one phrase and its sentence,
 * no phrase repeats within a record, and alternatives name other entries.
 */
export function checkProblemWords(records: readonly ProblemWords[], entries: readonly Entry[]): string[] {
  const problems: string[] = [];
  const byId = new Map(entries.map((e) => [normalizeId(e.id), e]));
  const seen = new Set<string>();
  for (const record of records) {
    const where = `${problemWordsFile}: ${record.id}`;
    const key = normalizeId(record.id);
    const entry = byId.get(key);
    if (!entry) problems.push(`${where}: names no catalog entry`);
    if (seen.has(key)) problems.push(`${where}: appears more than once`);
    seen.add(key);
    const all = [...record.problems, ...record.symptoms, ...record.synonyms];
    if (all.length === 0) problems.push(`${where}: has no problems, symptoms or synonyms`);
    const lower = all.map((p) => p.toLowerCase());
    const repeated = lower.filter((p, i) => lower.indexOf(p) !== i);
    for (const p of new Set(repeated)) problems.push(`${where}: repeats "${p}"`);
    for (const alt of record.alternatives) {
      if (!byId.has(normalizeId(alt))) problems.push(`${where}: alternative ${alt} is not in the catalog`);
      else if (normalizeId(alt) === key) problems.push(`${where}: lists itself as an alternative`);
    }
    const rule = entry && required.find((r) => r.kind === entry.kind);
    if (rule && record[rule.needs] === undefined) problems.push(`${where}: a ${entry.kind} needs "${rule.needs}"`);
  }
  for (const entry of entries) {
    if (required.some((r) => r.kind === entry.kind) && !seen.has(normalizeId(entry.id))) {
      problems.push(`${problemWordsFile}: ${entry.kind} ${entry.id} has no problem words`);
    }
  }
  return problems;
}

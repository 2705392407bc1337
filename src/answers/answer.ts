import { normalizeId, type Catalog } from '../catalog/catalog.ts';
import type { Entry } from '../catalog/schema.ts';
import type { Search } from '../catalog/search.ts';
import type { ProblemRanking } from '../catalog/search-problems.ts';
import type { Choice, Field } from '../dialog/reply.ts';
import type { QuestionKind } from './read-question.ts';
import type { Places } from './sizing/places.ts';

/** What answering needs: the catalog with its two searches (names, and problems in team words) and the places table. */
export interface AnswerContext {
  catalog: Catalog;
  search: Search;
  ranking: ProblemRanking;
  places: Places;
}

/** A design a thread holds, as far as an answer needs it. */
export interface DesignInView {
  title: string;
  requirements: Record<string, unknown>;
  /** Ids of the capabilities, primitives and patterns the latest assessment recommends. */
  recommended: readonly string[];
}

/** An answer, platform-free: the sentence that answers, the evidence, and the entries it drew on. */
export interface Answer {
  kind: QuestionKind;
  /** The first sentence (or two): the answer itself. */
  lead: string;
  fields: Field[];
  /** Catalog ids the answer drew on, most relevant first. */
  entries: string[];
  /** The formula with the numbers put in, when a model produced the answer. */
  formula?: string;
  /** Choices besides the entries (a clarifying question's options, a what-if). */
  choices?: Choice[];
  /** The requirement this answer speaks to, for "For your design" and its what-if. */
  designField?: { field: string; value: unknown };
}

/** "Idempotency (P7)". */
export function label(entry: Entry): string {
  return normalizeId(entry.name) === normalizeId(entry.id) ? entry.name : `${entry.name} (${entry.id})`;
}

/** The first sentence of a text (up to the first full stop followed by a space). */
export function firstSentence(text: string): string {
  const m = /^(.+?[.!?])(?:\s|$)/.exec(text.trim());
  return (m?.[1] ?? text).trim();
}

/** Lower-cases the first letter unless the first word is an acronym or a name with capitals inside. */
export function lowerFirst(text: string): string {
  const word = /^\S+/.exec(text)?.[0] ?? '';
  return /^[A-Z][a-z]/.test(word) && !/[A-Z]/.test(word.slice(1)) ? `${text.charAt(0).toLowerCase()}${text.slice(1)}` : text;
}

/** Ends a clause with a full stop unless it already ends a sentence. */
export function sentence(text: string): string {
  const t = text.trim();
  return /[.!?]$/.test(t) ? t : `${t}.`;
}

/** The entry a short name stands for ("saga", "circuit breaker", "2PC"), when the name search is sure of it. */
export function entryNamed(ctx: AnswerContext, name: string, exclude: readonly string[] = []): Entry | undefined {
  const hits = ctx.search.lookup(name, { limit: 5 }).results.filter((h) => !exclude.includes(h.id) && h.kind !== 'obligation' && h.kind !== 'path');
  const top = hits[0];
  return top && top.score >= 0.7 ? ctx.catalog.get(top.id) : undefined;
}

/** The entries with these ids, in order, skipping unknown ones and repeats. */
export function entriesOf(ctx: AnswerContext, ids: readonly string[]): Entry[] {
  const seen = new Set<string>();
  const out: Entry[] = [];
  for (const id of ids) {
    const e = ctx.catalog.get(id);
    if (e && !seen.has(e.id)) {
      seen.add(e.id);
      out.push(e);
    }
  }
  return out;
}

import { normalizeId } from './catalog.ts';
import type { Entry, EntryKind } from './schema.ts';

/** One parsed catalog file: its name, the kind it must hold, and its entries in file order. */
export interface CatalogFile {
  file: string;
  kind: EntryKind;
  entries: Entry[];
}

/** Expected entry count per kind: a number is exact, null means "at least one". */
export type ExpectedCounts = Record<EntryKind, number | null>;

interface Located {
  entry: Entry;
  file: string;
}

/** A reference from one entry to another, and the kinds it may point to (undefined: any kind). */
interface Reference {
  field: string;
  target: string;
  kinds?: readonly EntryKind[];
}

/**
 * Checks everything zod cannot see: counts, kinds, unique ids and names, references, symmetric
 * relations and numbering order. Returns every problem found as a sentence naming file and entry.
 */
export function checkIntegrity(files: readonly CatalogFile[], counts: ExpectedCounts): string[] {
  const problems: string[] = [];
  for (const { file, kind, entries } of files) {
    const expected = counts[kind];
    if (expected === null && entries.length === 0) problems.push(`${file}: has no entries, expected at least 1`);
    if (expected !== null && entries.length !== expected) {
      problems.push(`${file}: has ${entries.length} entries, expected exactly ${expected}`);
    }
    entries.forEach((entry, index) => {
      if (entry.kind !== kind) {
        problems.push(`${file}: ${entry.id} (entry ${index + 1}): kind is "${entry.kind}", but ${file} holds ${kind} entries`);
      }
    });
  }
  const byId = indexIds(files, problems);
  checkNameCollisions(files, problems);
  for (const { file, entries } of files) {
    for (const entry of entries) {
      for (const ref of referencesOf(entry)) {
        const target = byId.get(normalizeId(ref.target));
        if (!target) problems.push(`${file}: ${entry.id}: ${ref.field} names ${ref.target}, which is not in the catalog`);
        else if (ref.kinds && !ref.kinds.includes(target.entry.kind)) {
          problems.push(
            `${file}: ${entry.id}: ${ref.field} names ${ref.target}, which is a ${target.entry.kind} (${target.file}), expected ${ref.kinds.join(' or ')}`,
          );
        }
      }
    }
  }
  checkSymmetry(files, byId, problems);
  checkNumbering(files, problems);
  return problems;
}

function indexIds(files: readonly CatalogFile[], problems: string[]): Map<string, Located> {
  const byId = new Map<string, Located>();
  for (const { file, entries } of files) {
    for (const entry of entries) {
      const key = normalizeId(entry.id);
      const previous = byId.get(key);
      if (previous) problems.push(`${file}: ${entry.id}: duplicate id, already used by ${previous.entry.id} in ${previous.file}`);
      else byId.set(key, { entry, file });
    }
  }
  return byId;
}

/** An id, name or alias (normalized) may belong to one entry only, or lookups become ambiguous. */
function checkNameCollisions(files: readonly CatalogFile[], problems: string[]): void {
  const owners = new Map<string, Located & { label: string }>();
  for (const { file, entries } of files) {
    for (const entry of entries) {
      const labels = [`id ${entry.id}`, `name "${entry.name}"`, ...entry.aliases.map((a) => `alias "${a}"`)];
      const values = [entry.id, entry.name, ...entry.aliases];
      values.forEach((value, i) => {
        const key = normalizeId(value);
        if (key === '') return;
        const owner = owners.get(key);
        if (!owner) owners.set(key, { entry, file, label: labels[i]! });
        else if (owner.entry !== entry) {
          problems.push(`${file}: ${entry.id}: ${labels[i]} collides with ${owner.label} of ${owner.entry.id} (${owner.file})`);
        }
      });
    }
  }
}

const any = undefined;

function referencesOf(entry: Entry): Reference[] {
  const refs = (field: string, targets: readonly string[], kinds?: readonly EntryKind[]): Reference[] =>
    targets.map((target) => ({ field, target, ...(kinds ? { kinds } : {}) }));
  switch (entry.kind) {
    case 'law':
      return refs('constrains', entry.constrains, ['capability', 'primitive', 'pattern']);
    case 'capability':
      return [
        ...refs('providedBy', entry.providedBy, ['primitive']),
        ...refs('requires', entry.requires, ['capability']),
        ...refs('excludes', entry.excludes, ['capability']),
      ];
    case 'primitive':
      return [
        ...refs('provides', entry.provides, ['capability']),
        ...refs('requires', entry.requires.flat(), ['primitive']),
        ...refs('conflicts', entry.conflicts.map((c) => c.with), ['primitive']),
      ];
    case 'pattern':
      return refs('primitives', entry.primitives, ['primitive']);
    case 'pitfall':
    case 'case-study':
    case 'obligation':
      return refs('related', entry.related, any);
    case 'path':
      return entry.steps.flatMap((step, i) => refs(`steps[${i + 1}] "${step.title}"`, step.entries, any));
  }
}

function includesId(list: readonly string[], id: string): boolean {
  const key = normalizeId(id);
  return list.some((item) => normalizeId(item) === key);
}

/** capability.providedBy ↔ primitive.provides, capability.excludes and primitive.conflicts both ways. */
function checkSymmetry(files: readonly CatalogFile[], byId: Map<string, Located>, problems: string[]): void {
  const mirror = (
    from: Located,
    field: string,
    targetId: string,
    backField: string,
    back: (target: Entry) => readonly string[] | undefined,
  ): void => {
    const target = byId.get(normalizeId(targetId));
    if (!target) return; // already reported as a missing reference
    const list = back(target.entry);
    if (list && !includesId(list, from.entry.id)) {
      problems.push(
        `${from.file}: ${from.entry.id}: ${field} names ${targetId}, but ${target.entry.id} (${target.file}) does not list ${from.entry.id} in ${backField}`,
      );
    }
  };
  for (const { file, entries } of files) {
    for (const entry of entries) {
      const from = { entry, file };
      if (entry.kind === 'capability') {
        for (const p of entry.providedBy) mirror(from, 'providedBy', p, 'provides', (t) => (t.kind === 'primitive' ? t.provides : undefined));
        for (const c of entry.excludes) mirror(from, 'excludes', c, 'excludes', (t) => (t.kind === 'capability' ? t.excludes : undefined));
      }
      if (entry.kind === 'primitive') {
        for (const c of entry.provides) mirror(from, 'provides', c, 'providedBy', (t) => (t.kind === 'capability' ? t.providedBy : undefined));
        for (const { with: p } of entry.conflicts) {
          mirror(from, 'conflicts', p, 'conflicts', (t) => (t.kind === 'primitive' ? t.conflicts.map((c) => c.with) : undefined));
        }
      }
    }
  }
}

/** Laws run L1, L2, …; primitives P1, P2, …; patterns M1, M2, … in file order. */
function checkNumbering(files: readonly CatalogFile[], problems: string[]): void {
  for (const { file, entries } of files) {
    entries.forEach((entry, index) => {
      const n = index + 1;
      if (entry.kind === 'law' && entry.number !== `L${n}`) {
        problems.push(`${file}: ${entry.id} (entry ${n}): number is ${entry.number}, expected L${n} (laws must be in order L1–L15)`);
      }
      if (entry.kind === 'pattern' && entry.number !== `M${n}`) {
        problems.push(`${file}: ${entry.id} (entry ${n}): number is ${entry.number}, expected M${n} (patterns must be in order M1–M15)`);
      }
      if (entry.kind === 'primitive' && entry.id !== `P${n}`) {
        problems.push(`${file}: ${entry.id} (entry ${n}): expected id P${n} (primitives must be in order P1–P20)`);
      }
    });
  }
}

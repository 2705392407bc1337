import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import * as z from 'zod';
import { checkedOnce } from './checked-once.ts';
import { distPath, runsBuilt } from './project-paths.ts';

/**
 * What a data file's check gave, by the check's name: the SHA-256 of the exact text checked and the
 * result itself, so a start parses the record once (results kept as JSON text inside it would be
 * parsed twice: 9 -> 5.5 ms for this project's 24 files).
 */
const RecordedChecks = z.strictObject({
  version: z.literal(2),
  checks: z.record(z.string(), z.strictObject({ sha256: z.string(), result: z.unknown() })),
});
type RecordedChecks = z.infer<typeof RecordedChecks>;

/** One check of a data file's text: its result, and whether the text passed (a failed check is never recorded). */
export interface CheckOutcome<T> {
  result: T;
  passed: boolean;
}

/**
 * A memo of data checks keyed by content. Every data file is checked with zod when it is loaded;
 * `npm run build` runs the same checks and records their results for the exact bytes it read, so a
 * built Quorum whose data is unchanged takes the recorded result instead of checking the same bytes
 * again at every start. A changed file, a file the build did not record, or a run from source is
 * checked as before.
 */
export interface CheckMemo {
  check<T>(name: string, text: string, run: () => CheckOutcome<T>): CheckOutcome<T>;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Reads a record file; one that is missing or unreadable is no record at all (everything is checked). */
function readRecord(file: string): RecordedChecks['checks'] {
  if (!existsSync(file)) return {};
  try {
    return RecordedChecks.parse(JSON.parse(readFileSync(file, 'utf8')), checkedOnce).checks;
  } catch {
    return {};
  }
}

/**
 * A memo that takes results from the record file `file` (read on first use). Each result is handed out
 * once: asking for the same check again reads the record afresh, so no caller can change another's copy.
 */
export function checkMemoFrom(file: string): CheckMemo {
  let known: RecordedChecks['checks'] | undefined;
  const handedOut = new Set<string>();
  return {
    check(name, text, run) {
      if (!known || handedOut.has(name)) {
        known = readRecord(file);
        handedOut.clear();
      }
      const hit = known[name];
      if (!hit || hit.sha256 !== sha256(text)) return run();
      handedOut.add(name);
      return { result: hit.result as ReturnType<typeof run>['result'], passed: true };
    },
  };
}

/** A memo that checks everything and keeps each passed result that survives JSON unchanged, for `write`. */
export function recordingMemo(): CheckMemo & { write(file: string): number } {
  const checks: RecordedChecks['checks'] = {};
  return {
    check(name, text, run) {
      const outcome = run();
      if (outcome.passed) {
        const json = JSON.stringify(outcome.result);
        const result: unknown = json === undefined ? undefined : JSON.parse(json);
        // A result that JSON cannot carry exactly (a Map, an undefined field …) is checked at every start instead.
        if (json !== undefined && isDeepStrictEqual(result, outcome.result)) checks[name] = { sha256: sha256(text), result };
      }
      return outcome;
    },
    write(file) {
      writeFileSync(file, JSON.stringify({ version: 2, checks } satisfies RecordedChecks));
      return Object.keys(checks).length;
    },
  };
}

const checkEverything: CheckMemo = { check: (_name, _text, run) => run() };

/** Where a build records its checks, beside its entry points. */
export const recordedChecksFile = distPath('checked-data.json');

let memo: CheckMemo = runsBuilt ? checkMemoFrom(recordedChecksFile) : checkEverything;

/**
 * Checks a data file's text with `parse`, or takes what the build's check of the same text gave. With
 * `problems`, `parse` notes what it finds there and the text passes when it noted nothing; without, a
 * text that fails makes `parse` throw.
 */
export function checkData<T>(name: string, text: string, parse: () => T, problems?: string[]): T {
  return memo.check(name, text, () => {
    const before = problems?.length ?? 0;
    const result = parse();
    return { result, passed: (problems?.length ?? 0) === before };
  }).result;
}

/**
 * A data file's text as JSON, or undefined when it is not JSON: then the problem is noted in `problems`,
 * naming `file`, for a loader that reports every problem at once.
 */
export function parseJsonNoting(text: string, file: string, problems: string[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    problems.push(`${file}: cannot be read as JSON (${(err as Error).message})`);
    return undefined;
  }
}

/** Makes every later `checkData` go through `next` (the build's recording run). */
export function useCheckMemo(next: CheckMemo): void {
  memo = next;
}

import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const repoDir = path.dirname(benchDir);

/**
 * The node flags `npm start` runs Quorum with (such as its heap cap), read from package.json, so a
 * Quorum subject is measured exactly as it runs in production. Bare SDK baselines run with none.
 */
function quorumStartFlags(): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repoDir, 'package.json'), 'utf8')) as { scripts: { start: string } };
  return pkg.scripts.start.split(/\s+/).filter((word) => /^--max-[a-z-]+=/.test(word));
}

/** A subject process started by startSubject. */
export interface Subject<T> {
  /** ms from spawn to the subject's `{"ready":true,...}` line. */
  readyMs: number;
  /** The ready line itself (e.g. the port the subject listens on). */
  ready: Record<string, unknown>;
  /** Closes the subject's stdin (its cue to report and exit) and resolves with its last JSON line. */
  finish(): Promise<T>;
  /** Resolves with the last JSON line once the subject exits by itself. */
  done: Promise<T>;
}

/**
 * Spawns `bench/subjects/<name>.ts` in its own `node --import tsx` process. The subject prints
 * JSON lines on stdout: first `{"ready":true,...}` when it is ready, last its result. Resolves
 * once the ready line arrived.
 */
export function startSubject<T>(name: string, args: readonly string[] = [], timeoutMs = 300_000, nodeArgs: readonly string[] = []): Promise<Subject<T>> {
  const start = process.hrtime.bigint();
  // BENCH_NODE_ARGS adds node flags to every subject, e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile them.
  const extra = process.env.BENCH_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const production = name.startsWith('quorum') ? quorumStartFlags() : [];
  const child: ChildProcess = spawn(process.execPath, [...production, ...extra, ...nodeArgs, '--import', 'tsx', path.join(benchDir, 'subjects', `${name}.ts`), ...args], {
    cwd: repoDir,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let errors = '';
  let last: T | undefined;
  let buffered = '';
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolveReady, rejectReady) => {
    let readySeen = false;
    const done = new Promise<T>((resolve, reject) => {
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        if (code !== 0 || last === undefined) {
          const err = new Error(`bench subject ${name} exited with ${code}: ${errors.slice(-2000)}`);
          reject(err);
          if (!readySeen) rejectReady(err);
        } else resolve(last);
      });
    });
    done.catch(() => {});
    child.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) !== -1) {
        const line = buffered.slice(0, nl).trim();
        buffered = buffered.slice(nl + 1);
        if (!line.startsWith('{')) continue;
        const parsed = JSON.parse(line) as Record<string, unknown>;
        if (parsed.ready === true && !readySeen) {
          readySeen = true;
          const readyMs = Number(process.hrtime.bigint() - start) / 1e6;
          resolveReady({
            readyMs,
            ready: parsed,
            done,
            finish: () => {
              child.stdin!.end();
              return done;
            },
          });
        } else last = parsed as T;
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      errors += chunk.toString('utf8');
    });
  });
}

/** Runs a subject to its end: the ms to its ready line, and its last JSON line. */
export async function runSubject<T>(name: string, args: readonly string[] = [], timeoutMs = 300_000, nodeArgs: readonly string[] = []): Promise<{ readyMs: number; result: T }> {
  const subject = await startSubject<T>(name, args, timeoutMs, nodeArgs);
  return { readyMs: subject.readyMs, result: await subject.done };
}

/** Prints one JSON line for the parent (see startSubject). */
export function report(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value)}\n`);
}

/** Resolves when the parent closes this process's stdin (startSubject's `finish`). */
export function untilStdinEnds(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.on('end', resolve);
    process.stdin.resume();
  });
}

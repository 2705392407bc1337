import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The repository's root directory. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = () => pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** A Quorum process started by a test, with its JSON log lines collected as they arrive. */
export interface QuorumProcess {
  child: ChildProcess;
  lines: Array<Record<string, unknown>>;
  stderr(): string;
  /** Resolves with the first log line (past or future) that matches, or throws after 30 s with what arrived. */
  lineWhere(match: (line: Record<string, unknown>) => boolean): Promise<Record<string, unknown>>;
  /** SIGKILLs the process if it still runs (for `finally`). */
  kill(): void;
}

/**
 * Spawns Quorum with a clean environment: by default `src/main.ts` under the tsx loader, as
 * `npm start` runs it (or the build QUORUM_TEST_MAIN names); `command` replaces that (e.g. `npm start` itself).
 */
export function spawnQuorum(env: Record<string, string>, cwd: string, command?: { file: string; args: string[] }): QuorumProcess {
  const file = command?.file ?? process.execPath;
  // QUORUM_TEST_MAIN=<dir>/dist/main.js runs these tests against a production build (CI's image steps do).
  const built = process.env.QUORUM_TEST_MAIN;
  const args = command?.args ?? (built ? [built] : ['--import', tsxLoader(), path.join(projectRoot, 'src', 'main.ts')]);
  const child = spawn(file, args, {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let buffered = '';
  let err = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
    buffered += chunk;
    const complete = buffered.split('\n');
    buffered = complete.pop()!;
    // npm prints its own banner lines before Quorum's JSON; only JSON lines are log lines.
    for (const line of complete.filter((l) => l.startsWith('{'))) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return {
    child,
    lines,
    stderr: () => err,
    async lineWhere(match) {
      // Generous: a start compiles src/ with tsx, which takes tens of seconds on a loaded 2-core machine.
      const deadline = Date.now() + 90_000;
      while (Date.now() < deadline) {
        const found = lines.find(match);
        if (found) return found;
        if (child.exitCode !== null) break;
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`no such log line; got ${JSON.stringify(lines)}; stderr: ${err}`);
    },
    kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    },
  };
}

/** The port of the ops routes from the `started` line: the ops server's, else the Slack HTTP receiver's. */
export function opsPort(started: Record<string, unknown>): number {
  const ops = started.ops as { port?: number } | undefined;
  const slack = (started.adapters as Array<{ name: string; port?: number }>).find((a) => a.name === 'slack')?.port;
  const port = ops?.port ?? slack;
  if (!port) throw new Error(`no port in ${JSON.stringify(started)}`);
  return port;
}

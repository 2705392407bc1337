import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { startFakeSlack } from '../test/slack/fake-slack.ts';
import { figure, type Figure } from './lib/figures.ts';
import { summarize } from './lib/stats.ts';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

interface Start {
  readyMs: number;
  rssMiB: number;
}

/** The node flags of an npm script (such as the heap cap of start:prod), so the entry runs as that script runs it. */
function scriptFlags(name: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(repo, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (pkg.scripts[name] ?? '').split(/\s+/).filter((word) => /^--max-[a-z-]+=/.test(word));
}

/** RSS of a process from /proc (Linux), in MiB; NaN elsewhere. */
function rssOf(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : Number.NaN;
  } catch {
    return Number.NaN;
  }
}

/** Spawns `args` with `env`; resolves at its first `"event":"started"` line with the time since spawn and its RSS then. */
function timeStart(args: string[], env: Record<string, string>): Promise<Start> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, args, { cwd: repo, env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    let buffered = '';
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      if (!buffered.includes('"event":"started"')) return;
      const readyMs = Number(process.hrtime.bigint() - started) / 1e6;
      const rssMiB = rssOf(child.pid!);
      clearTimeout(timer);
      child.kill('SIGTERM');
      child.once('exit', () => resolve({ readyMs, rssMiB }));
    });
    child.once('exit', (code) => {
      if (!buffered.includes('"event":"started"')) reject(new Error(`${args.join(' ')} exited with ${code} before it listened: ${err.slice(-1500)}`));
    });
  });
}

/** Whether dist/ is missing or older than any source, data file or build setting it is made from. */
function buildIsStale(): boolean {
  const built = path.join(repo, 'dist', 'checked-data.json');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const newest = (target: string): number => {
    const stat = statSync(target);
    if (!stat.isDirectory()) return stat.mtimeMs;
    return Math.max(stat.mtimeMs, ...readdirSync(target).map((name) => newest(path.join(target, name))));
  };
  return ['src', 'data', 'scripts/build.mjs', 'package-lock.json'].some((source) => newest(path.join(repo, source)) > builtAt);
}

/**
 * Figure 6 for production: spawn → listening of `node dist/main.js` (Slack HTTP receiver, empty file
 * store, start:prod's flags) against the bare Bolt app as plain JavaScript under plain node with the same flags, alternating,
 * with RSS at ready; and `npm start`'s way (tsx compiling src/ on the fly) beside it, for the before figure.
 * Builds dist/ first when it is missing or older than a file it is built from.
 */
export async function benchProductionStart(options: { runs: number; sourceRuns: number }): Promise<Figure[]> {
  if (buildIsStale()) {
    const built = spawnSync('npm', ['run', 'build'], { cwd: repo, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('npm run build failed');
  }
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const fake = await startFakeSlack();
  const env = { SLACK_BOT_TOKEN: 'xoxb-bench-token', SLACK_SIGNING_SECRET: 'bench-signing-secret', SLACK_API_URL: fake.apiUrl, PORT: '0', LOG_LEVEL: 'info' };
  const dist: Start[] = [];
  const source: Start[] = [];
  const bare: Start[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      // Run the same way: the bare app gets start:prod's node flags too (the heap cap alone costs a start ~100 ms).
      bare.push(await timeStart([...scriptFlags('start:prod'), path.join(repo, 'bench', 'subjects', 'bare-bolt-app.mjs')], env));
      const dir = await mkdtemp(path.join(os.tmpdir(), 'quorum-start-'));
      try {
        dist.push(await timeStart([...scriptFlags('start:prod'), path.join(repo, 'dist', 'main.js')], { ...env, QUORUM_STORE: `file:${dir}/dist` }));
        // The start from source is only the before figure, and takes three times as long: a few runs, spread out.
        if (i % Math.ceil(options.runs / options.sourceRuns) === 0) {
          source.push(await timeStart([...scriptFlags('start'), '--import', tsx, path.join(repo, 'src', 'main.ts')], { ...env, QUORUM_STORE: `file:${dir}/src` }));
        }
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await fake.close();
  }
  const median = (starts: Start[], key: keyof Start) => summarize(starts.map((s) => s[key])).p50;
  return [
    figure('6 cold start from dist/ (node dist/main.js → listening, median)', median(dist, 'readyMs'), 'ms', { baseline: median(bare, 'readyMs'), target: { maxRatio: 1.5 } }),
    figure('6 RSS at ready, dist/ (bare Bolt beside it)', median(dist, 'rssMiB'), 'MiB', { baseline: median(bare, 'rssMiB') }),
    figure('6 cold start from source (npm start: tsx, for comparison)', median(source, 'readyMs'), 'ms', { baseline: median(bare, 'readyMs') }),
    figure('6 RSS at ready from source (npm start)', median(source, 'rssMiB'), 'MiB', { baseline: median(bare, 'rssMiB') }),
  ];
}

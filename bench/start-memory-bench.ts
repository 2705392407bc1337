import { startFakeSlack } from '../test/slack/fake-slack.ts';
import { runSubject } from './lib/child.ts';
import { figure, type Figure } from './lib/figures.ts';
import { newStoreDir } from './lib/seed-store.ts';
import { summarize } from './lib/stats.ts';
import { rm } from 'node:fs/promises';

interface SubjectMemory {
  startMs: number;
  rss: number;
  heapUsed: number;
  heapAfterGc?: number;
  rssAfterGc?: number;
  errors?: number;
  openSessions?: number;
}

/**
 * Figure 6 in development: cold start to ready, each start a fresh `node --import tsx` process (spawn to
 * the listening HTTP receiver), Quorum (on an empty file store) against the bare Bolt app, alternating.
 * Untargeted: tsx compiles Quorum's ~330 source files at every start. The 1.5x target is the production
 * entry's (production-start-bench.ts: node dist/main.js against the bare app, both plain JavaScript).
 */
export async function benchColdStart(options: { runs: number }): Promise<Figure[]> {
  const fake = await startFakeSlack();
  const quorum: number[] = [];
  const bare: number[] = [];
  const inProcessQuorum: number[] = [];
  const inProcessBare: number[] = [];
  try {
    for (let i = 0; i < options.runs; i++) {
      const b = await runSubject<SubjectMemory>('bare-bolt', [fake.apiUrl]);
      bare.push(b.readyMs!);
      inProcessBare.push(b.result.startMs);
      const dir = await newStoreDir();
      try {
        const q = await runSubject<SubjectMemory>('quorum-slack', [fake.apiUrl, dir]);
        quorum.push(q.readyMs!);
        inProcessQuorum.push(q.result.startMs);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    await fake.close();
  }
  return [
    figure('6 cold start under tsx, bench subjects (spawn→listening, median)', summarize(quorum).p50, 'ms', { baseline: summarize(bare).p50 }),
    figure('6 start-up under tsx inside the process (median)', summarize(inProcessQuorum).p50, 'ms', { baseline: summarize(inProcessBare).p50 }),
  ];
}

/**
 * Figure 7: RSS of a Quorum process (Slack adapter on, file store) that saved designs `from` … `to - 1`
 * into a store already holding `from` designs and opened `sessions` interviews, against the RSS of the
 * bare Bolt app. Leaves the grown store in `dir`.
 */
export async function benchMemory(options: { dir: string; from: number; to: number; sessions: number }): Promise<Figure[]> {
  const fake = await startFakeSlack();
  try {
    const bare = await runSubject<SubjectMemory>('bare-bolt', [fake.apiUrl, '500']);
    const args = [fake.apiUrl, options.dir, '--grow-from', String(options.from), '--grow-to', String(options.to), '--sessions', String(options.sessions), '--settle', '500'];
    const quorum = await runSubject<SubjectMemory>('quorum-slack', args, 1_800_000, ['--expose-gc']);
    const mb = (bytes: number) => bytes / 2 ** 20;
    const k = `${options.to / 1000}k designs + ${options.sessions} sessions`;
    return [
      figure(`7 RSS after ${k}`, mb(quorum.result.rss), 'MiB', { baseline: mb(bare.result.rss), target: { maxValue: 200 } }),
      figure(`7 heap used after ${k}`, mb(quorum.result.heapUsed), 'MiB', { baseline: mb(bare.result.heapUsed) }),
      figure('7 heap live after a full GC (diagnostic)', mb(quorum.result.heapAfterGc ?? Number.NaN), 'MiB'),
      figure('7 RSS after a full GC (diagnostic)', mb(quorum.result.rssAfterGc ?? Number.NaN), 'MiB'),
      figure('7 interview sessions open at the end', quorum.result.openSessions ?? 0, 'sessions', { target: { minValue: options.sessions } }),
      figure('7 errors logged by Quorum', quorum.result.errors ?? 0, 'errors', { target: { maxValue: 0 } }),
    ];
  } finally {
    await fake.close();
  }
}

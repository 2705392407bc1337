import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';

const fixture = fileURLToPath(new URL('./fixtures/save-loop.ts', import.meta.url));
const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

interface Ack {
  kind: 'design' | 'session';
  channel: string;
  thread: string;
  version: number;
}

/** Runs the save loop, kills it with SIGKILL a random while after its first write, and returns what it acknowledged. */
function runAndKill(directory: string, run: string): Promise<Ack[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, directory, run], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let killTimer: NodeJS.Timeout | undefined;
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      killTimer ??= setTimeout(() => child.kill('SIGKILL'), 50 + Math.floor(Math.random() * 450));
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(killTimer);
      if (signal !== 'SIGKILL') return reject(new Error(`save loop ended by itself (signal ${signal}): ${err}`));
      // Only complete lines were acknowledged; a line cut by the kill is ignored.
      const lines = out.split('\n').slice(0, -1);
      resolve(
        lines.map((line) => {
          const [kind, channel, thread, version] = line.split(' ');
          return { kind: kind as Ack['kind'], channel: channel!, thread: thread!, version: Number(version) };
        }),
      );
    });
  });
}

describe('lowdb store crash safety', () => {
  const directories: string[] = [];
  afterAll(async () => {
    await Promise.all(directories.map((dir) => rm(dir, { recursive: true, force: true })));
  });

  it('keeps every acknowledged save and stays readable when the process is killed mid-write', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-crash-'));
    directories.push(directory);
    let acknowledged = 0;
    for (const run of ['r1', 'r2', 'r3']) {
      const acks = await runAndKill(directory, run);
      expect(acks.length).toBeGreaterThan(0);
      acknowledged += acks.length;

      const store = await openLowdbStore(directory);
      for (const ack of acks) {
        const key = { platform: 'slack', workspace: 'T1', channel: ack.channel, thread: ack.thread };
        if (ack.kind === 'design') {
          const design = await store.getDesign(key);
          expect(design?.versions[ack.version - 1]).toMatchObject({ version: ack.version, cause: `save ${ack.version}` });
        } else {
          expect((await store.getSession(key))?.version).toBeGreaterThanOrEqual(ack.version);
        }
      }
      // Every channel file, including ones a write was interrupted on, still loads.
      for (const channel of ['C0', 'C1', 'C2']) {
        const listed = await store.listDesigns({ platform: 'slack', workspace: 'T1', channel });
        expect(listed.every((d) => d.latestVersion >= 1)).toBe(true);
      }
      await store.close();
    }
    expect(acknowledged).toBeGreaterThan(3);
    const names = await readdir(directory, { recursive: true });
    expect(names.some((name) => name.endsWith('.json'))).toBe(true);
  });
});

import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/dialog/core.ts';
import type { TurnResult } from '../../src/dialog/turn-result.ts';
import { trackInFlight } from '../../src/in-flight.ts';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { said } from '../helpers/turns.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';

/** A real core whose turns wait at a gate until the test opens it. */
async function gatedCore(): Promise<{ core: Core; open(): void }> {
  const { core } = await makeCore();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    core: { handle: async (turn): Promise<TurnResult> => gate.then(() => core.handle(turn)) },
    open: () => open(),
  };
}

describe('trackInFlight', () => {
  it('counts turns while they run and drains once the last one is answered', async () => {
    const gated = await gatedCore();
    const tracked = trackInFlight(gated.core);
    expect(await tracked.drain(10)).toBe(true);
    const first = tracked.core.handle(said('help', 'a', { thread: 'g1' }));
    const second = tracked.core.handle(said('show P5', 'b', { thread: 'g2' }));
    expect(tracked.inFlight()).toBe(2);
    let drained = false;
    const drain = tracked.drain(30_000).then((ok) => (drained = ok));
    await new Promise((r) => setImmediate(r));
    expect(drained).toBe(false);
    gated.open();
    expect((await first).replies.length).toBeGreaterThan(0);
    expect((await second).replies.length).toBeGreaterThan(0);
    await drain;
    expect(drained).toBe(true);
    expect(tracked.inFlight()).toBe(0);
  });

  it('gives up waiting at the timeout when a turn never finishes', async () => {
    const gated = await gatedCore();
    const tracked = trackInFlight(gated.core);
    void tracked.core.handle(said('help'));
    expect(await tracked.drain(20)).toBe(false);
    expect(tracked.inFlight()).toBe(1);
    gated.open();
    expect(await tracked.drain(30_000)).toBe(true);
  });
});

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

/** `npm start` as a child process: the same entry and loader, a clean environment, its own working directory. */
function startQuorum(env: Record<string, string>, cwd: string): { child: ChildProcess; lines: Array<Record<string, unknown>>; stderr: () => string } {
  const child = spawn(process.execPath, ['--import', tsxLoader, path.join(projectRoot, 'src', 'main.ts')], {
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
    for (const line of complete.filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
  return { child, lines, stderr: () => err };
}

async function lineWhere(lines: Array<Record<string, unknown>>, match: (l: Record<string, unknown>) => boolean, stderr: () => string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const found = lines.find(match);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no such log line; got ${JSON.stringify(lines)}; stderr: ${stderr()}`);
}

describe('a Quorum process with the Slack HTTP receiver', () => {
  const directories: string[] = [];
  afterAll(() => Promise.all(directories.map((d) => rm(d, { recursive: true, force: true }))));

  it('logs JSON lines, exits 0 on SIGTERM after its turns are done, and leaves a readable store', async () => {
    const fake = await startFakeSlack();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-shutdown-'));
    directories.push(directory);
    const { child, lines, stderr } = startQuorum(
      {
        SLACK_BOT_TOKEN: 'xoxb-shutdown-test-token',
        SLACK_SIGNING_SECRET: testSigningSecret,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        QUORUM_STORE: `file:${directory}`,
        LOG_LEVEL: 'info',
      },
      directory,
    );
    try {
      const started = await lineWhere(lines, (l) => l.event === 'started', stderr);
      const port = (started.adapters as Array<{ name: string; port?: number }>).find((a) => a.name === 'slack')?.port;
      expect(port).toBeGreaterThan(0);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect(await health.json()).toEqual({ ok: true, store: 'ok' });

      const thread = '1700000900.000001';
      for (const [i, text] of ['<@UBOT> name Shutdown Ledger', '<@UBOT> set writesPerSec 20k', '<@UBOT> assess'].entries()) {
        const ts = `1700000900.00000${i + 1}`;
        const body = eventBody({ team: 'T-SHUT' }, { type: 'app_mention', user: 'U1', text, ts, thread_ts: thread, channel: 'C-SHUT' });
        expect((await postToSlackApp(port!, body)).status).toBe(200);
        await lineWhere(lines, (l) => l.msg === 'turn handled' && lines.filter((x) => x.msg === 'turn handled').length >= i + 1, stderr);
      }
      await fake.waitFor('chat.postMessage', 3);

      child.kill('SIGTERM');
      const [code] = (await once(child, 'exit')) as [number | null];
      expect(code, stderr()).toBe(0);
      expect(lines.some((l) => l.event === 'stopped')).toBe(true);
      expect(lines.filter((l) => l.msg === 'turn handled').map((l) => l.outcome)).toEqual(['ok', 'ok', 'ok']);
      expect(JSON.stringify(lines)).not.toContain('xoxb-shutdown-test-token');
      expect(JSON.stringify(lines)).not.toContain('Shutdown Ledger');

      const store = await openLowdbStore(directory);
      const design = await store.getDesign({ platform: 'slack', workspace: 'T-SHUT', channel: 'C-SHUT', thread });
      expect(design?.title).toBe('Shutdown Ledger');
      expect(design?.versions.at(-1)?.requirements.writesPerSec).toBe(20_000);
      await store.close();
    } finally {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await fake.close();
    }
  }, 60_000);
});

import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/dialog/core.ts';
import type { TurnResult } from '../../src/dialog/turn-result.ts';
import { trackInFlight } from '../../src/in-flight.ts';
import { openLowdbStore } from '../../src/store/file/lowdb-store.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { opsPort, projectRoot, spawnQuorum } from '../helpers/quorum-process.ts';
import { said } from '../helpers/turns.ts';
import { startFakeSlack } from '../slack/fake-slack.ts';
import { eventBody, postToSlackApp, testSigningSecret } from '../slack/slack-requests.ts';

/** A real core whose turns wait at a gate until the test opens it. */
async function gatedCore(): Promise<{ core: Core; open(): void }> {
  const { core } = await makeCore();
  let open!: () => void;
  const gate = new Promise<void>((resolve) => (open = resolve));
  return {
    core: { ...core, handle: async (turn): Promise<TurnResult> => gate.then(() => core.handle(turn)) },
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

describe('a Quorum process with the Slack HTTP receiver', () => {
  const directories: string[] = [];
  afterAll(() => Promise.all(directories.map((d) => rm(d, { recursive: true, force: true }))));

  it('logs JSON lines, exits 0 on SIGTERM after its turns are done, and leaves a readable store', async () => {
    const fake = await startFakeSlack();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-shutdown-'));
    directories.push(directory);
    const quorum = spawnQuorum(
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
      const { child, lines, stderr } = quorum;
      const started = await quorum.lineWhere((l) => l.event === 'started');
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
        await quorum.lineWhere((l) => l.msg === 'turn handled' && lines.filter((x) => x.msg === 'turn handled').length >= i + 1);
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
      quorum.kill();
      await fake.close();
    }
  }, 60_000);
});

describe('npm start under a process manager', () => {
  it('forwards SIGTERM to Quorum: the turn in flight is answered, Quorum exits 0, and nothing is left running', async () => {
    const fake = await startFakeSlack();
    const directory = await mkdtemp(path.join(os.tmpdir(), 'quorum-npm-start-'));
    try {
      // What `docker stop` or systemd does to `npm start`: SIGTERM to npm itself, not to its child.
      const quorum = spawnQuorum(
        { SLACK_BOT_TOKEN: 'xoxb-npm-start', SLACK_SIGNING_SECRET: testSigningSecret, SLACK_API_URL: fake.apiUrl, PORT: '0', QUORUM_STORE: `file:${directory}` },
        projectRoot,
        { file: 'npm', args: ['start'] },
      );
      try {
        const started = await quorum.lineWhere((l) => l.event === 'started');
        const port = opsPort(started);
        const body = eventBody({ team: 'T-NPM' }, { type: 'app_mention', user: 'U1', text: '<@UBOT> assess financial, 20k writes/s, four nines', ts: '1700001200.000001', channel: 'C-NPM' });
        expect((await postToSlackApp(port, body)).status).toBe(200);
        quorum.child.kill('SIGTERM');
        const [code] = (await once(quorum.child, 'exit')) as [number | null];
        expect(code, quorum.stderr()).toBe(0);
        expect(quorum.lines.filter((l) => l.msg === 'turn handled').map((l) => l.outcome), JSON.stringify(quorum.lines.filter((l) => (l.level as number) >= 50))).toEqual(['ok']);
        expect(quorum.lines.some((l) => l.event === 'stopped')).toBe(true);
        expect(fake.callsTo('chat.postMessage').length).toBeGreaterThan(0);
        // The node process npm started has gone too (an orphan would still hold the port).
        expect(() => process.kill(started.pid as number, 0)).toThrow();
      } finally {
        quorum.kill();
      }
    } finally {
      await fake.close();
      await rm(directory, { recursive: true, force: true });
    }
  }, 150_000);
});

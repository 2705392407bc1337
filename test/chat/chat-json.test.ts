import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const storeDir = mkdtempSync(join(tmpdir(), 'quorum-chat-'));
afterAll(() => rmSync(storeDir, { recursive: true, force: true }));

interface ChatLine {
  turn: number;
  replies: Array<{ text: string; choices?: unknown[]; assessment?: { validation: { pass: boolean } }; design?: { id: string; version: number }; error?: { code: string; message: string } }>;
}

/** Runs `quorum chat --json` with the given turns on stdin and returns its exit code and parsed lines. */
function chat(turns: string[], ...args: string[]): { status: number | null; lines: ChatLine[]; stdout: string; stderr: string } {
  const run = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', 'chat', '--json', ...args], {
    cwd: root,
    input: turns.join('\n') + '\n',
    encoding: 'utf8',
    env: { ...process.env, QUORUM_STORE: `file:${storeDir}` },
    timeout: 60_000,
  });
  const lines = run.stdout.split('\n').filter(Boolean).map((line) => JSON.parse(line) as ChatLine);
  return { status: run.status, lines, stdout: run.stdout, stderr: run.stderr };
}

const interview = [
  'interview', 'Ticket booking', 'ecommerce', 'let the domain decide', '5k', '50k', '3x', '500 GB', '99.99%',
  '50ms', '200ms', '1', '30s', '20s', 'per-key', 'exactly once', 'none', 'high contention', '20', '$30k',
];

describe('chat --json', () => {
  it('prints exactly one JSON line per turn, nothing before the first, and exits 0 at end of input', () => {
    const run = chat(['what is CAP?', 'show P5', 'help'], '--thread', 'one-line-each');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('{"turn":1,')).toBe(true);
    expect(run.lines.map((l) => l.turn)).toEqual([1, 2, 3]);
    expect(run.lines[0]!.replies[0]!.text).toMatch(/CAP Theorem/);
    expect(run.lines[1]!.replies[0]!.text).toMatch(/Consensus/);
  });

  it('answers a rejected turn with an error reply and goes on with the conversation', () => {
    const run = chat(['interview', 'Ledger', 'banana', 'financial'], '--thread', 'rejected');
    expect(run.status).toBe(0);
    const rejected = run.lines[2]!.replies.find((r) => r.error);
    expect(rejected?.error).toMatchObject({ code: 'bad_value' });
    expect(rejected?.error?.message).toMatch(/banana/);
    expect(run.lines[3]!.replies[0]!.text).toMatch(/domain = financial/);
  });

  it('runs a whole interview to an assessment saved as version 1', () => {
    const run = chat(interview, '--thread', 'whole');
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(interview.length);
    const last = run.lines.at(-1)!.replies.find((r) => r.assessment);
    expect(last?.design).toMatchObject({ version: 1 });
    expect(last?.assessment?.validation).toHaveProperty('pass');
    const savedTurns = run.lines.filter((l) => l.replies.some((r) => r.design));
    expect(savedTurns).toHaveLength(1);
  });

  it('continues the same design in a second run with the same --thread', () => {
    chat(['interview', 'Resumable', 'social'], '--thread', 'resume');
    const second = chat(['5k'], '--thread', 'resume');
    expect(second.lines[0]!.replies.some((r) => /consistency|fresh/i.test(r.text) || /writesPerSec|writes per second/i.test(r.text))).toBe(true);
    const third = chat(['show'], '--thread', 'resume');
    expect(third.lines[0]!.replies[0]!.text).toMatch(/Resumable|name = "Resumable"/);
  });

  it('keeps threads apart: another --thread does not see the design', () => {
    chat(['interview', 'Secret plan', 'financial'], '--thread', 'private-a');
    const other = chat(['show'], '--thread', 'private-b');
    expect(JSON.stringify(other.lines)).not.toMatch(/Secret plan/);
  });

  it('refuses an unknown option with exit 2 and a JSON error', () => {
    const run = chat([], '--colour');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout)).toMatchObject({ error: { code: 'unknown_option' } });
  });

  it('keeps several designs apart in one thread: a second run finds the first run\'s designs and reopens them', () => {
    const thread = ['--thread', 'several'];
    const first = chat(['assess payments ledger, 3k writes/s, four nines', 'design Search autocomplete', '40k queries a second, p99 under 20 ms'], ...thread);
    const ledger = first.lines[0]!.replies.find((r) => r.design)!.design!;
    const search = first.lines[2]!.replies.find((r) => r.design)!.design!;
    expect(search.id).not.toBe(ledger.id);
    expect(first.lines[1]!.replies[0]!.text).toContain('"Payments ledger" is kept');

    // A new session (a new process, the same lowdb directory): both designs are there, the thread is still on the second.
    const second = chat(['designs', 'open paymnts ledger', 'set writesPerSec 6000', 'designs'], ...thread);
    expect(second.status).toBe(0);
    const listed = second.lines[0]!.replies[0]!.text;
    expect(listed).toContain(`▶ Search autocomplete (${search.id}) · v1`);
    expect(listed).toContain(`Payments ledger (${ledger.id}) · v1`);
    expect(second.lines[1]!.replies[0]!.text).toMatch(/^Opened "Payments ledger" \(the closest to "paymnts ledger"\)/);
    expect(second.lines[2]!.replies.find((r) => r.design)?.design).toEqual({ id: ledger.id, version: 2 });
    expect(second.lines[3]!.replies[0]!.text).toContain(`▶ Payments ledger (${ledger.id}) · v2`);
    expect(second.lines[3]!.replies[0]!.text).toContain(`Search autocomplete (${search.id}) · v1`);
  });
});

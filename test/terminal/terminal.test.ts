import { PassThrough } from 'node:stream';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTerminal } from '../../src/adapters/terminal/start-terminal.ts';
import { makeCore } from '../helpers/dialog-harness.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';
import { pngSize } from '../diagram/png.ts';

const tempDir = useTempDirs('quorum-terminal-');

/** Feeds lines to the terminal adapter over the real core and returns everything it printed. */
async function converse(lines: string[], options: { json?: boolean; interactive?: boolean; filesDir?: string } = {}): Promise<string> {
  const { core } = await makeCore();
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString('utf8')));
  const done = startTerminal(core, {
    input,
    output,
    thread: 'terminal-test',
    user: 'tester',
    json: options.json ?? false,
    interactive: options.interactive ?? false,
    filesDir: options.filesDir ?? (await tempDir()),
  });
  input.end(lines.join('\n') + '\n');
  await done;
  return printed;
}

describe('terminal chat', () => {
  it('answers a plain question with the entry as text', async () => {
    const printed = await converse(['what is CAP?']);
    expect(printed).toMatch(/CAP Theorem/);
    expect(printed).toMatch(/#1 Show /);
  });

  it('picks a numbered option of the last reply when the user types #n', async () => {
    const printed = await converse(['show P8', '#1']);
    const firstOption = /#1 Show (\S+)/.exec(printed)?.[1];
    expect(firstOption).toBeTruthy();
    const afterPick = printed.split(/#1 Show \S+/)[1] ?? '';
    expect(afterPick).toContain(`(${firstOption})`);
  });

  it('treats #n with no such option as ordinary text instead of failing', async () => {
    const printed = await converse(['#9']);
    expect(printed.length).toBeGreaterThan(0);
  });

  it('greets and prompts only when interactive, and stops at quit', async () => {
    const printed = await converse(['quit', 'what is CAP?'], { interactive: true });
    expect(printed).toMatch(/^Quorum — design distributed systems/);
    expect(printed).not.toMatch(/CAP Theorem/);
  });

  it('prints one JSON line per turn with --json, numbered from 1', async () => {
    const printed = await converse(['help', 'show P1'], { json: true });
    const lines = printed.trim().split('\n').map((l) => JSON.parse(l) as { turn: number; replies: unknown[] });
    expect(lines.map((l) => l.turn)).toEqual([1, 2]);
    expect(lines.every((l) => l.replies.length > 0)).toBe(true);
  });
});

describe('terminal files', () => {
  it('writes the exported record under the files directory and lists it in chat --json', async () => {
    const dir = await tempDir();
    const printed = await converse(['set writesPerSec 2k', 'assess', 'export'], { json: true, filesDir: dir });
    const turns = printed.trim().split('\n').map((l) => JSON.parse(l) as { replies: Array<{ files?: Array<{ name: string; mime: string; path: string }> }> });
    const files = turns[2]!.replies.flatMap((r) => r.files ?? []);
    expect(files).toEqual([{ name: expect.stringMatching(/-v1\.md$/), mime: 'text/markdown', path: join(dir, files[0]!.name) }]);
    expect(await readFile(files[0]!.path, 'utf8')).toMatch(/^# .*\n\n\* Status: /);
    expect(JSON.stringify(turns)).not.toContain('"content"');
  });

  it('says where it wrote the file in the text conversation', async () => {
    const dir = await tempDir();
    const printed = await converse(['set writesPerSec 2k', 'assess', 'export'], { filesDir: dir });
    expect(printed).toMatch(new RegExp(`Wrote \\S+-v1\\.md to ${dir.replace(/[/\\\\.]/g, '\\$&')}/`));
  });

  it('writes the diagram as a PNG and prints its sketch in the terminal', async () => {
    const dir = await tempDir();
    const lines = ['set domain financial', 'set writesPerSec 3k', 'set availability 99.99%', 'assess', 'diagram'];
    const printed = await converse(lines, { json: true, filesDir: dir });
    const turns = printed.trim().split('\n').map((l) => JSON.parse(l) as { replies: Array<{ text: string; files?: Array<{ name: string; mime: string; path: string }> }> });
    const [reply] = turns[4]!.replies;
    expect(reply!.files).toEqual([{ name: expect.stringMatching(/-v1-diagram\.png$/), mime: 'image/png', path: expect.any(String) }]);
    expect(pngSize(await readFile(reply!.files![0]!.path)).width).toBeGreaterThanOrEqual(800);
    const text = await converse(lines, { filesDir: await tempDir() });
    expect(text).toMatch(/[├└]─▶ Store of record/);
    expect(text).toMatch(/Wrote \S+-v1-diagram\.png to /);
  });
});

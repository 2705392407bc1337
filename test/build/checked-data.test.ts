import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkMemoFrom, recordingMemo, type CheckOutcome } from '../../src/checked-data.ts';
import { useTempDirs } from '../helpers/temp-dirs.ts';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tempDir = useTempDirs('quorum-checks-');

/** A check that counts its runs and gives `result` (passed unless told otherwise). */
function countedCheck<T>(result: T, passed = true) {
  const check = { runs: 0, run: (): CheckOutcome<T> => (check.runs++, { result, passed }) };
  return check;
}

describe('the record of data checks', () => {
  it('gives the recorded result for the same text without running the check again', async () => {
    const file = path.join(await tempDir(), 'checked.json');
    const recorder = recordingMemo();
    recorder.check('laws.json', '[1, 2]', countedCheck({ laws: [1, 2], note: 'defaults applied' }).run);
    expect(recorder.write(file)).toBe(1);
    const check = countedCheck({ laws: [] as number[] });
    const memo = checkMemoFrom(file);
    expect(memo.check('laws.json', '[1, 2]', check.run)).toEqual({ result: { laws: [1, 2], note: 'defaults applied' }, passed: true });
    expect(check.runs).toBe(0);
  });

  it('runs the check again when the text changed by one character, or under another name', async () => {
    const file = path.join(await tempDir(), 'checked.json');
    const recorder = recordingMemo();
    recorder.check('laws.json', '[1, 2]', countedCheck('old').run);
    recorder.write(file);
    const memo = checkMemoFrom(file);
    const changed = countedCheck('new');
    expect(memo.check('laws.json', '[1, 3]', changed.run).result).toBe('new');
    expect(memo.check('rules.json', '[1, 2]', changed.run).result).toBe('new');
    expect(changed.runs).toBe(2);
  });

  it('hands every caller its own copy of a recorded result', async () => {
    const file = path.join(await tempDir(), 'checked.json');
    const recorder = recordingMemo();
    recorder.check('a.json', '{}', countedCheck({ list: [1] }).run);
    recorder.write(file);
    const memo = checkMemoFrom(file);
    const first = memo.check('a.json', '{}', countedCheck({ list: [] as number[] }).run).result;
    first.list.push(2);
    expect(memo.check('a.json', '{}', countedCheck({ list: [] as number[] }).run).result).toEqual({ list: [1] });
  });

  it('records neither a failed check nor a result JSON cannot carry exactly', async () => {
    const file = path.join(await tempDir(), 'checked.json');
    const recorder = recordingMemo();
    recorder.check('failed.json', '[]', countedCheck([], false).run);
    recorder.check('map.json', '[]', countedCheck({ byId: new Map([['a', 1]]) }).run);
    recorder.check('undefined.json', '[]', countedCheck({ optional: undefined }).run);
    expect(recorder.write(file)).toBe(0);
  });

  it('checks everything when the record file is missing or corrupt', async () => {
    const dir = await tempDir();
    writeFileSync(path.join(dir, 'corrupt.json'), '{"version": 2, "checks": {"a.json": ');
    // An earlier build's record kept each result as JSON text: a record of another version is no record.
    const sha256OfEmpty = '44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a';
    writeFileSync(path.join(dir, 'older.json'), JSON.stringify({ version: 1, checks: { 'a.json': { sha256: sha256OfEmpty, result: '"recorded"' } } }));
    for (const file of [path.join(dir, 'missing.json'), path.join(dir, 'corrupt.json'), path.join(dir, 'older.json')]) {
      const check = countedCheck('checked');
      expect(checkMemoFrom(file).check('a.json', '{}', check.run).result).toBe('checked');
      expect(check.runs).toBe(1);
    }
  });
});

describe('a build of Quorum and its data', () => {
  let project: string;
  const cli = (...args: string[]) => spawnSync(process.execPath, [path.join(project, 'dist', 'cli.js'), ...args], { cwd: os.tmpdir(), encoding: 'utf8' });
  const patternsFile = () => path.join(project, 'data', 'catalog', 'patterns.json');
  const outboxSummary = () => (JSON.parse(cli('show', 'outbox', '--json').stdout) as { entry: { summary: string } }).entry.summary;
  const editOutbox = (edit: (outbox: Record<string, unknown>) => void) => {
    const patterns = JSON.parse(readFileSync(patternsFile(), 'utf8')) as Array<Record<string, unknown>>;
    edit(patterns.find((p) => p.id === 'outbox')!);
    writeFileSync(patternsFile(), JSON.stringify(patterns, null, 2));
  };
  let pristinePatterns: string;

  beforeAll(() => {
    // A copy of the project whose data this test may change; the sources and packages are the repository's.
    project = mkdtempSync(path.join(os.tmpdir(), 'quorum-build-'));
    cpSync(path.join(repo, 'package.json'), path.join(project, 'package.json'));
    cpSync(path.join(repo, 'data'), path.join(project, 'data'), { recursive: true });
    symlinkSync(path.join(repo, 'src'), path.join(project, 'src'));
    symlinkSync(path.join(repo, 'node_modules'), path.join(project, 'node_modules'));
    const built = spawnSync(process.execPath, [path.join(repo, 'scripts', 'build.mjs')], { cwd: project, encoding: 'utf8' });
    expect(built.status, built.stderr).toBe(0);
    pristinePatterns = readFileSync(patternsFile(), 'utf8');
  }, 120_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  it('records the check of every data file a start reads', () => {
    const record = JSON.parse(readFileSync(path.join(project, 'dist', 'checked-data.json'), 'utf8')) as { checks: Record<string, unknown> };
    const filesIn = (dir: string) => readdirSync(path.join(project, 'data', dir)).filter((f) => f.endsWith('.json')).map((f) => `${dir}/${f}`);
    expect(Object.keys(record.checks).sort()).toEqual([...filesIn('catalog'), ...filesIn('rules'), 'costs.json', 'interview.json'].sort());
  });

  it('leaves out of the production entry the library code no start runs', () => {
    // esbuild heads each bundled file with a comment naming it; what is named here is compiled at every start.
    const bundled = [...readFileSync(path.join(project, 'dist', 'main.js'), 'utf8').matchAll(/^\/\/ (?:\S*\/)?(node_modules\/\S+)$/gm)].map((m) => m[1]!);
    expect(bundled).toContain('node_modules/zod/v4/classic/schemas.js');
    // zod imported as a namespace keeps only what Quorum calls: its English messages, not its ~40 other locales.
    expect(bundled.filter((file) => /zod\/v4\/locales\/(?!en\.js|index\.js)/.test(file))).toEqual([]);
    expect(bundled).toContain('node_modules/zod/v4/locales/en.js');
    // prom-client's parts come one by one: never its Pushgateway client.
    expect(bundled.filter((file) => file.startsWith('node_modules/prom-client/lib/')).length).toBeGreaterThan(3);
    expect(bundled).not.toContain('node_modules/prom-client/lib/pushgateway.js');
    expect(bundled).not.toContain('node_modules/prom-client/index.js');
  });

  it('takes the recorded result while the file is unchanged', () => {
    const recordFile = path.join(project, 'dist', 'checked-data.json');
    const pristineRecord = readFileSync(recordFile, 'utf8');
    try {
      // Only the record says this, so seeing it proves the start did not check patterns.json again.
      const record = JSON.parse(pristineRecord) as { checks: Record<string, { result: unknown }> };
      const entry = record.checks['catalog/patterns.json']!;
      entry.result = JSON.parse(JSON.stringify(entry.result).replace(/"summary":"Write the business change[^"]*"/, '"summary":"From the record."'));
      writeFileSync(recordFile, JSON.stringify(record));
      expect(outboxSummary()).toBe('From the record.');
    } finally {
      writeFileSync(recordFile, pristineRecord);
    }
  });

  it('checks a changed file again: a broken one stops the start naming the entry, a valid edit is what it shows', () => {
    try {
      editOutbox((outbox) => delete outbox.summary);
      const broken = cli('show', 'outbox', '--json');
      expect(broken.status).not.toBe(0);
      expect(broken.stderr).toMatch(/patterns\.json: outbox .*summary/);
      editOutbox((outbox) => (outbox.summary = 'An edited summary of the outbox.'));
      expect(outboxSummary()).toBe('An edited summary of the outbox.');
    } finally {
      writeFileSync(patternsFile(), pristinePatterns);
    }
    expect(outboxSummary()).toMatch(/^Write the business change/);
  });
});

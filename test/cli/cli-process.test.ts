import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));

/** Runs the real CLI entry point in a child process, as `npm run quorum` does. */
function quorum(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], { cwd: repo, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the quorum CLI process', () => {
  it('lists 15 patterns as exactly one JSON document', () => {
    const { status, stdout } = quorum('list', 'pattern', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).entries).toHaveLength(15);
  });

  it('finds P9 first for "circut breaker"', () => {
    const { status, stdout } = quorum('lookup', 'circut breaker', '--json');
    expect(status).toBe(0);
    expect(JSON.parse(stdout).results[0].id).toBe('P9');
  });

  it('exits 2 with suggestions for an unknown id', () => {
    const { status, stdout } = quorum('show', 'nope', '--json');
    expect(status).toBe(2);
    expect(JSON.parse(stdout).error).toMatchObject({ code: 'unknown_id' });
    expect(JSON.parse(stdout).error.suggestions.length).toBeGreaterThan(0);
  });

  it('exits 2 on an empty query and on an unknown option, with a message and no stack', () => {
    const empty = quorum('lookup', '');
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('Give some words to look up');
    const unknown = quorum('list', 'law', '--verbose');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain("Unknown option '--verbose'");
    expect(unknown.stderr).not.toMatch(/\n\s+at /);
  });
});

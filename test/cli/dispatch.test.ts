import { describe, expect, it } from 'vitest';
import type { CliCommand } from '../../src/cli/command.ts';
import { runCli } from '../../src/cli/dispatch.ts';
import { listCommand } from '../../src/cli/list.ts';
import { lookupCommand } from '../../src/cli/lookup.ts';
import { pathCommand } from '../../src/cli/path.ts';
import { showCommand } from '../../src/cli/show.ts';

const broken: CliCommand = {
  name: 'broken',
  usage: 'broken',
  run: async () => {
    throw new Error('wires crossed');
  },
};
const commands = [lookupCommand, showCommand, listCommand, pathCommand, broken];

/** Runs the CLI in-process and captures what it printed. */
async function cli(argv: string[], debug = false): Promise<{ code: number; stdout: string; stderr: string; json: any }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, commands, {
    io: { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t) },
    debug,
    readStdin: async () => '',
    loadConfig: () => {
      throw new Error('these subcommands need no configuration');
    },
  });
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    json = undefined;
  }
  return { code, stdout, stderr, json };
}

describe('the CLI dispatcher', () => {
  it('lists 15 laws, 30 capabilities, 20 primitives and 15 patterns as JSON', async () => {
    for (const [kind, count] of [['law', 15], ['capability', 30], ['primitive', 20], ['pattern', 15]] as const) {
      const { code, json } = await cli(['list', kind, '--json']);
      expect(code).toBe(0);
      expect(json.entries).toHaveLength(count);
      expect(Object.keys(json.entries[0])).toEqual(['id', 'name']);
    }
  });

  it('looks up with a limit and returns results and suggestions', async () => {
    const { code, json } = await cli(['lookup', 'circut', 'breaker', '--limit', '3', '--json']);
    expect(code).toBe(0);
    expect(Object.keys(json)).toEqual(['results', 'suggestions']);
    expect(json.results[0]).toMatchObject({ kind: 'primitive', id: 'P9', name: 'Circuit Breaker' });
    expect(json.results.length).toBeLessThanOrEqual(3);
  });

  it('exits 0 with suggestions for a query that matches nothing', async () => {
    const { code, json } = await cli(['--json', 'lookup', 'xyzzy']);
    expect(code).toBe(0);
    expect(json.results).toEqual([]);
    expect(json.suggestions.length).toBeGreaterThan(0);
  });

  it('shows a whole entry', async () => {
    const { code, json } = await cli(['show', 'outbox', '--json']);
    expect(code).toBe(0);
    expect(json.entry).toMatchObject({ kind: 'pattern', id: 'outbox', name: 'Outbox', primitives: ['P3', 'P7', 'P19'] });
  });

  it('prints a path with its steps', async () => {
    const { code, json } = await cli(['path', 'advanced', '--json']);
    expect(code).toBe(0);
    expect(Object.keys(json.path)).toEqual(['id', 'name', 'steps']);
    expect(Object.keys(json.path.steps[0])).toEqual(['title', 'entries']);
  });

  it('prints human text without --json', async () => {
    const { code, stdout } = await cli(['show', 'P9']);
    expect(code).toBe(0);
    expect(stdout.split('\n')[0]).toBe('Circuit Breaker (P9)');
  });

  it.each([
    [['show', 'nope'], 'unknown_id'],
    [['show'], 'bad_arguments'],
    [['lookup', '  '], 'empty_query'],
    [['lookup', 'cap', '--limit', 'many'], 'bad_option'],
    [['lookup', 'cap', '--fast'], 'bad_option'],
    [['list', 'widget'], 'bad_kind'],
    [['path', 'expert'], 'unknown_path'],
    [['frobnicate'], 'unknown_subcommand'],
    [[], 'missing_subcommand'],
  ])('rejects %j as bad input with exit 2 and error %s', async (argv, code) => {
    const result = await cli([...argv, '--json']);
    expect(result.code).toBe(2);
    expect(result.json.error.code).toBe(code);
    expect(typeof result.json.error.message).toBe('string');
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('gives suggestions with an unknown id', async () => {
    const { json } = await cli(['show', 'circuit-breakr', '--json']);
    expect(json.error.suggestions).toContain('P9');
  });

  it('explains bad input on stderr without --json', async () => {
    const { code, stdout, stderr } = await cli(['list', 'widget']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain('Cannot list "widget"');
  });

  it('reports a bug as an internal error with exit 1 and no stack', async () => {
    const { code, stderr } = await cli(['broken']);
    expect(code).toBe(1);
    expect(stderr).toBe('internal error: wires crossed\n');
  });

  it('shows the stack of a bug only in debug mode', async () => {
    const { stderr } = await cli(['broken'], true);
    expect(stderr).toContain('internal error: wires crossed');
    expect(stderr).toMatch(/\n\s+at /);
  });
});

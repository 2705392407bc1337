import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../src/rules/assessment.ts';

const root = join(import.meta.dirname, '..', '..');

function quorum(args: string[], input?: string, env: Record<string, string> = {}) {
  const result = spawnSync('npx', ['tsx', 'src/cli.ts', ...args], { cwd: root, input, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('quorum assess', () => {
  it('prints exactly the assessment as JSON, and exits 0 even when validation fails', () => {
    const run = quorum(['assess', '-', '--json'], JSON.stringify({ consistency: 'linearizable', writesPerSec: 30000, writeLatencyMs: 20 }));
    expect(run.code).toBe(0);
    const assessment = Assessment.parse(JSON.parse(run.stdout));
    expect(Object.keys(JSON.parse(run.stdout))).toEqual(['capabilities', 'primitives', 'patterns', 'nearMisses', 'validation', 'warnings', 'obligations', 'technologies', 'architecture', 'summary']);
    // strong over 3 partitions: consensus per partition, whose round makes the 20 ms write budget fail
    expect(assessment.validation.pass).toBe(false);
    expect(assessment.primitives.map((p) => p.id)).toContain('P5');
    expect(assessment.summary.verdict).toMatch(/^Not yet: latency/);
  }, 30_000);

  it('reads a file and prints the card for people', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-assess-'));
    writeFileSync(join(dir, 'req.json'), JSON.stringify({ name: 'Ledger', domain: 'financial' }));
    const run = quorum(['assess', join(dir, 'req.json')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Assessment: Ledger');
    expect(run.stdout).toContain('LinearizableWrite');
  }, 30_000);

  it('names an unknown field and suggests the right one (exit 2)', () => {
    const run = quorum(['assess', '-', '--json'], JSON.stringify({ writesPerSecond: 100 }));
    expect(run.code).toBe(2);
    const { error } = JSON.parse(run.stdout);
    expect(error.code).toBe('unknown_field');
    expect(error.message).toBe("unknown field 'writesPerSecond' — did you mean writesPerSec?");
  }, 30_000);

  it('rejects invalid JSON and an out-of-range value with exit 2', () => {
    expect(quorum(['assess', '-', '--json'], '{nope').code).toBe(2);
    const run = quorum(['assess', '-', '--json'], JSON.stringify({ availability: 99.9 }));
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).error.message).toContain('availability');
  }, 30_000);

  it('applies the unit costs of the file named by QUORUM_COSTS', () => {
    const dir = mkdtempSync(join(tmpdir(), 'quorum-costs-'));
    writeFileSync(join(dir, 'costs.json'), JSON.stringify({ databaseNodeUsdPerMonth: 1234 }));
    const run = quorum(['assess', '-', '--json'], JSON.stringify({ domain: 'general', writesPerSec: 10 }), { QUORUM_COSTS: join(dir, 'costs.json') });
    expect(run.code).toBe(0);
    const cost = JSON.parse(run.stdout).validation.checks.find((c: { id: string }) => c.id === 'cost');
    // database 1 node × $1234 + app 2 × $140 + load balancer $25
    expect(cost.calculated).toBe(1539);
    expect(cost.breakdown[0]).toMatchObject({ item: 'database nodes', usd: 1234 });
  }, 30_000);
});

import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { calcCommand } from '../../src/cli/calc.ts';
import type { CliContext } from '../../src/cli/command.ts';
import { UserError } from '../../src/errors.ts';
import { rejectionOf } from '../helpers/thrown.ts';

function runCli(...args: string[]): { status: number | null; json: unknown; stderr: string } {
  const child = spawnSync('npx', ['tsx', 'src/cli.ts', 'calc', ...args, '--json'], { encoding: 'utf8', cwd: process.cwd() });
  return { status: child.status, json: JSON.parse(child.stdout), stderr: child.stderr };
}

const ctx = { json: true, catalog: () => { throw new Error('calc needs no catalog'); } } as unknown as CliContext;

function refusal(...args: string[]): Promise<UserError> {
  return rejectionOf(UserError, () => calcCommand.run(args, ctx));
}

describe('quorum calc through the real CLI', () => {
  it('prints the model, parsed inputs with defaults, result and formula as one JSON document', () => {
    const { status, json } = runCli('partitions', 'writesPerSec=1e5', 'dataGb=10', 'surge=2');
    expect(status).toBe(0);
    expect(json).toEqual({
      model: 'partitions',
      inputs: { writesPerSec: 100_000, dataGb: 10, headroom: 0.7, surge: 2, gbPerPartition: 2000 },
      result: { partitions: 15, forWrites: 15, forData: 1 },
      formula: 'max(⌈100000 × 2 / (20000 × 0.7)⌉, ⌈10 / 2000⌉, 1) = max(15, 1, 1) = 15',
    });
  });

  it('composes tiers and regions, and charges failover time, with the formula', async () => {
    // path 0.999 × 0.9999 × 0.99999 = 0.998890111; two regions: 1 − 0.001109889² = 0.99999876815
    const composite = await calcCommand.run(['composite', 'tiers=0.999,0.9999', 'regions=2'], ctx);
    expect(composite?.json).toMatchObject({ inputs: { tiers: [0.999, 0.9999], regions: 2, regionAvailability: 0.99999 } });
    const result = (composite?.json as { result: { availability: number; regionPathAvailability: number } }).result;
    expect(result.regionPathAvailability).toBeCloseTo(0.998890111, 9);
    expect(result.availability).toBeCloseTo(0.99999876815, 11);
    expect((composite?.json as { formula: string }).formula).toContain('2 regions in parallel: 1 − (1 − 0.998890111)^2');
    const failover = await calcCommand.run(['failover', 'nodeFailuresPerYear=4', 'failoverSec=90'], ctx);
    // 1 − 4 × 90 / 31536000 = 0.99998858447; 360 s = 6 min a year
    expect(failover?.json).toMatchObject({ result: { downtimeMinutesPerYear: 6 } });
    expect((failover?.json as { result: { availability: number } }).result.availability).toBeCloseTo(0.99998858447, 11);
  });

  it('reads comma-separated lists', () => {
    const { status, json } = runCli('throughput', 'bottlenecks=160000,80000,200000');
    expect(status).toBe(0);
    expect(json).toMatchObject({ result: { throughput: 56_000 }, formula: 'min(160000, 80000, 200000) × 0.7 = 56000' });
  });

  it('exits 2 with a coded error when the queue would grow without bound', () => {
    const { status, json } = runCli('queue', 'arrivalRate=100', 'serviceRate=90');
    expect(status).toBe(2);
    expect(json).toMatchObject({ error: { code: 'bad_input' } });
  });

  it('exits 2 for an unknown model and suggests the close one', () => {
    const { status, json } = runCli('availabilty', 'node=0.99', 'replicas=2');
    expect(status).toBe(2);
    expect(json).toMatchObject({ error: { code: 'unknown_model', suggestions: ['availability'] } });
  });
});

describe('the calc command', () => {
  it('names the third quantity of Little\'s law under its own name', async () => {
    const output = await calcCommand.run(['littles-law', 'arrivalRate=10000', 'responseTime=0.1'], ctx);
    expect(output?.json).toMatchObject({ result: { concurrency: 1000 }, formula: 'L = λ × W = 10000 × 0.1 = 1000' });
    expect(output?.human).toContain('concurrency = 1000');
  });

  it('shows a short human block with each result and the formula', async () => {
    const output = await calcCommand.run(['rtt', 'distanceKm=1000'], ctx);
    expect(output?.human).toBe(
      'rtt: Smallest round trip over fibre for a distance\n  minRttMs = 10\n  formula: 2 × 1000 km / 200 km per ms = 10 ms',
    );
  });

  it.each([
    [['rtt'], 'bad_input', 'rtt needs distanceKm.'],
    [['rtt', 'distanceKm=1', 'speed=2'], 'unknown_input', 'rtt has no input "speed".'],
    [['rtt', 'distanceKm=far'], 'bad_input', 'distanceKm must be a plain finite number such as 0.99 or 2e4, not "far".'],
    [['rtt', 'distanceKm=1e999'], 'bad_input', 'distanceKm must be a plain finite number such as 0.99 or 2e4, not "1e999".'],
    [['rtt', 'distanceKm=20k'], 'bad_input', 'distanceKm must be a plain finite number such as 0.99 or 2e4, not "20k".'],
    [['rtt', 'distanceKm=-5'], 'bad_input', 'rtt: distanceKm must be at least 0'],
    [['rtt', 'distanceKm'], 'bad_argument', '"distanceKm" is not key=value.'],
    [['rtt', 'distanceKm=1', 'distanceKm=2'], 'bad_argument', 'distanceKm is given twice.'],
    [['availability', 'node=1.01', 'replicas=3'], 'bad_input', 'availability: node must be at most 1'],
    [['availability', 'node=0.9', 'replicas=3', 'quorum=4'], 'bad_input', 'availability: quorum must be at most replicas (k ≤ n)'],
    [['series', 'components=0.9,,0.8'], 'bad_input', 'components must be a plain finite number such as 0.99 or 2e4, not "".'],
    [['quorum', 'replicas=3', 'writes=2'], 'bad_input', 'quorum: the inputs must give reads and writes together, or neither'],
    [['amdahl', 'serial=0', 'workers=4'], 'bad_input', 'amdahl: serial must be greater than 0 (with no serial part there is no limit to compute)'],
    [[], 'unknown_model', 'Give a model: one of availability, series, throughput, littles-law, amdahl, usl, partitions, quorum, queue, rtt, composite, failover.'],
  ])('refuses %j with %s', async (args, code, message) => {
    const err = await refusal(...args);
    expect(err.code).toBe(code);
    expect(err.message).toBe(message);
  });
});

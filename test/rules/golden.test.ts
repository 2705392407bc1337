import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Assessment } from '../../src/rules/assessment.ts';
import { Requirements } from '../../src/rules/requirements.ts';
import { realAssessor } from './assessor-fixture.ts';

interface Golden {
  note: string;
  requirements: unknown;
  expect: {
    capabilities: string[];
    primitives: string[];
    patterns: string[];
    nearMisses: Record<string, string[]>;
    validationPass: boolean;
    checks: Record<string, boolean>;
    warnings: string[];
    /** Warnings that must not appear (generic cautions the design already answers). */
    absentWarnings?: string[];
    technologies: Record<string, string>;
  };
}

const dir = join(import.meta.dirname, 'golden');
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('golden scenarios', () => {
  it('cover at least twelve worked examples', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  for (const file of files) {
    const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
    it(`assesses ${file.replace('.json', '')} as the reviewed golden file says`, async () => {
      const assessor = await realAssessor();
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      Assessment.parse(assessment);
      const want = golden.expect;
      expect(assessment.capabilities.map((c) => c.id).sort()).toEqual([...want.capabilities].sort());
      expect(assessment.primitives.map((p) => p.id).sort()).toEqual([...want.primitives].sort());
      expect(assessment.patterns.map((p) => p.id).sort()).toEqual([...want.patterns].sort());
      for (const [pattern, missing] of Object.entries(want.nearMisses)) {
        expect(assessment.nearMisses).toContainEqual({ pattern, missing });
      }
      expect(assessment.validation.pass).toBe(want.validationPass);
      expect(Object.fromEntries(assessment.validation.checks.map((c) => [c.id, c.pass]))).toEqual(want.checks);
      const warningIds = assessment.warnings.map((w) => w.id);
      for (const id of want.warnings) expect(warningIds).toContain(id);
      for (const id of want.absentWarnings ?? []) expect(warningIds).not.toContain(id);
      expect(Object.fromEntries(assessment.technologies.map((t) => [t.for, t.pick]))).toEqual(want.technologies);
    });
  }
});

describe('every assessment', () => {
  it('gives each recommended item a reason naming the answer or rule behind it', async () => {
    const assessor = await realAssessor();
    for (const file of files) {
      const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      for (const item of [...assessment.capabilities, ...assessment.primitives, ...assessment.patterns]) {
        expect(item.reasons.length).toBeGreaterThan(0);
        expect(item.reasons.join(' ')).toMatch(/rule |framework|provides |needs |depends on|needed by|applicable/);
      }
      for (const check of ['throughput', 'availability', 'latency', 'cost']) {
        expect(assessment.validation.checks.map((c) => c.id)).toContain(check);
      }
    }
  });

  it('carries a summary, an architecture, a need on every item, a why on every warning and the cost breakdown', async () => {
    const assessor = await realAssessor();
    for (const file of files) {
      const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      expect(assessment.summary.verdict.length, file).toBeGreaterThan(10);
      expect(assessment.summary.topRisks.length).toBeLessThanOrEqual(3);
      expect(assessment.summary.decisions.length, file).toBeGreaterThanOrEqual(3);
      expect(assessment.summary.decisions.length, file).toBeLessThanOrEqual(5);
      for (const w of assessment.warnings) expect(w.why.length, w.id).toBeGreaterThan(10);
      const cost = assessment.validation.checks.find((c) => c.id === 'cost')!;
      expect(cost.breakdown!.length).toBeGreaterThan(0);
      expect(cost.breakdown!.map((b) => b.usd)).toEqual([...cost.breakdown!.map((b) => b.usd)].sort((a, b) => b - a));
      const ids = new Set(assessment.architecture.components.map((c) => c.id));
      for (const e of assessment.architecture.edges) expect(ids.has(e.from) && ids.has(e.to), `${e.from}→${e.to}`).toBe(true);
      // every primitive of the design sits in a component or is named as a practice in one
      const placed = assessment.architecture.components.flatMap((c) => c.primitives);
      for (const p of assessment.primitives.filter((x) => x.need !== 'optional')) {
        const named = assessment.architecture.components.some((c) => c.reasons.some((r) => r.startsWith(`${p.id} `)));
        expect(placed.includes(p.id) || named, `${file}: ${p.id}`).toBe(true);
      }
    }
  });

  it('always orders warnings from high to low severity, each said once', async () => {
    const assessor = await realAssessor();
    for (const file of files) {
      const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      const rank = { high: 0, medium: 1, low: 2 };
      const ranks = assessment.warnings.map((w) => rank[w.severity]);
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      expect(new Set(assessment.warnings.map((w) => w.id)).size).toBe(assessment.warnings.length);
      expect(new Set(assessment.warnings.map((w) => w.message)).size).toBe(assessment.warnings.length);
    }
  });

  it('keeps at most ten catalog pitfalls among the warnings, about items the requirements called for', async () => {
    const assessor = await realAssessor();
    for (const file of files) {
      const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      const pitfalls = assessment.warnings.filter((w) => / \(concerns [^)]+\): /.test(w.message));
      expect(pitfalls.length).toBeLessThanOrEqual(10);
      const chosen = new Set([...assessment.capabilities, ...assessment.primitives, ...assessment.patterns].map((i) => i.id));
      for (const w of pitfalls) {
        for (const id of / \(concerns ([^)]+)\): /.exec(w.message)![1]!.split(', ')) expect(chosen).toContain(id);
      }
    }
  });

  it('lists one merged proof obligation per chosen pattern first, then at most twelve in all without repeats', async () => {
    const assessor = await realAssessor();
    for (const file of files) {
      const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
      const { assessment } = await assessor.assess(Requirements.parse(golden.requirements));
      const { obligations } = assessment;
      // optional patterns are "consider" notes and carry no obligation of their own
      const patterns = assessment.patterns.filter((p) => p.need !== 'optional');
      expect(obligations.length).toBeLessThanOrEqual(12);
      expect(new Set(obligations.map((o) => o.text)).size).toBe(obligations.length);
      const head = obligations.slice(0, patterns.length).map((o) => o.pattern);
      expect([...head].sort()).toEqual(patterns.map((p) => p.id).slice(0, 12).sort());
      for (const o of obligations.slice(0, patterns.length)) expect(o.text).toContain(' How: ');
      expect(obligations.filter((o) => / proof: /i.test(o.text) && patterns.some((p) => o.text.startsWith(`${p.name} proof`)))).toEqual([]);
    }
  });
});

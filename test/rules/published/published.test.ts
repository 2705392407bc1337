import { describe, expect, it } from 'vitest';
import { Requirements } from '../../../src/rules/requirements.ts';
import { realAssessor } from '../assessor-fixture.ts';
import { loadPublished, scoreDesign, summarize, type DesignScore } from './score.ts';

const designs = loadPublished();

async function scores(): Promise<DesignScore[]> {
  const assessor = await realAssessor();
  const out: DesignScore[] = [];
  for (const design of designs) {
    const { assessment } = await assessor.assess(Requirements.parse(design.requirements));
    out.push(scoreDesign(design, assessment));
  }
  return out;
}

describe('published designs', () => {
  it('hold at least twenty designs, each with a source and essential mechanisms', () => {
    expect(designs.length).toBeGreaterThanOrEqual(20);
    for (const d of designs) {
      expect(d.source.length, d.id).toBeGreaterThan(20);
      expect(d.essential.length, d.id).toBeGreaterThan(0);
    }
  });

  it('finds at least 95 % of the mechanisms the designs need, adds at most 0.3 per design, and nothing a design rejects', async () => {
    const all = await scores();
    const figures = summarize(all);
    const detail = all.filter((s) => s.missing.length || s.extra.length || s.rejected.length).map((s) => `${s.id}: missing ${s.missing.join(',') || '-'}; extra ${s.extra.join(',') || '-'}; rejected ${s.rejected.join(',') || '-'}`);
    expect(figures.essentialFoundPct, detail.join('\n')).toBeGreaterThanOrEqual(95);
    expect(figures.extraPerDesign, detail.join('\n')).toBeLessThanOrEqual(0.3);
    expect(figures.rejectedPresent, detail.join('\n')).toBe(0);
  });

  it('prices each design within 3x of its published cost where a source gives one', async () => {
    const all = await scores();
    const priced = all.filter((s) => s.costRatio !== undefined);
    expect(priced.length).toBeGreaterThan(0);
    for (const s of priced) {
      expect(s.costRatio!, s.id).toBeGreaterThanOrEqual(1 / 3);
      expect(s.costRatio!, s.id).toBeLessThanOrEqual(3);
    }
  });
});

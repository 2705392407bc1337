import { describe, expect, it } from 'vitest';
import { assessmentReply } from '../../src/dialog/replies/assessment-reply.ts';
import { realAssessor } from './assessor-fixture.ts';

describe('the assessment card', () => {
  it('shows every section in plain text with check marks, a checklist and the formulas', async () => {
    const { assessment } = await (await realAssessor()).assess({
      domain: 'ecommerce',
      writesPerSec: 9000,
      availability: 0.9999,
      publishesEvents: true,
      exactlyOnce: true,
    });
    const reply = assessmentReply(assessment, { title: 'Checkout' });
    expect(reply.kind).toBe('assessment');
    expect(reply.assessment).toBe(assessment);
    expect(reply.text.split('\n')[0]).toBe('Checkout');
    for (const section of ['Capabilities', 'Primitives', 'Patterns', 'Validation fails', 'Warnings', 'Proof obligations', 'Technologies']) {
      expect(reply.text).toContain(`\n${section}\n`);
    }
    expect(reply.text).toContain('✗ throughput');
    expect(reply.text).toContain('✓ availability');
    expect(reply.text).toMatch(/\n\[ \] outbox: /);
    expect(reply.text).toContain('[high]');
    expect(reply.formulas).toHaveLength(assessment.validation.checks.length);
    expect(reply.formulas![0]).toContain('× 0.7');
    expect(reply.choices).toEqual([
      { label: 'Export', value: 'export' },
      { label: 'History', value: 'history' },
      { label: `Why ${assessment.primitives[0]!.id}`, value: `why ${assessment.primitives[0]!.id}` },
    ]);
  });

  it('splits long sections into fields under 1000 characters', async () => {
    const { assessment } = await (await realAssessor()).assess({
      domain: 'ecommerce',
      writesPerSec: 500,
      readsPerSec: 20000,
      highContention: true,
      crossServiceTransaction: true,
      availability: 0.9999,
    });
    const reply = assessmentReply(assessment);
    expect(reply.fields!.length).toBeGreaterThan(8);
    for (const field of reply.fields!) expect(field.value.length).toBeLessThan(1000);
    expect(reply.fields!.some((f) => f.label === 'Warnings (continued)')).toBe(true);
  });
});

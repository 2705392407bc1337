import { describe, expect, it } from 'vitest';
import { LongValues } from '../../src/adapters/discord/custom-id.ts';
import { renderReply } from '../../src/adapters/discord/render-message.ts';
import { exportMarkdown } from '../../src/dialog/export-markdown.ts';
import { assessmentReply } from '../../src/dialog/replies/assessment-reply.ts';
import type { Design } from '../../src/dialog/ports/design-store.ts';
import { everything } from '../discord/largest-requirements.ts';
import { realAssessor, realCatalog } from './assessor-fixture.ts';

const largest = async () => (await (await realAssessor()).assess(everything)).assessment;

describe('the assessment card', () => {
  it('opens with the summary line, then every section in plain text with check marks and a checklist', async () => {
    const { assessment } = await (await realAssessor()).assess({
      domain: 'ecommerce',
      writesPerSec: 9000,
      availability: 0.9999,
      writeLatencyMs: 10,
      publishesEvents: true,
      exactlyOnce: true,
    });
    const reply = assessmentReply(assessment, { title: 'Checkout' });
    expect(reply.kind).toBe('assessment');
    expect(reply.assessment).toBe(assessment);
    const [title, summary] = reply.text.split('\n');
    expect(title).toBe('Checkout');
    expect(summary).toBe(reply.summary);
    expect(summary).toMatch(/^\d+ capabilities, \d+ primitives, \d+ patterns · \d+ warnings .*· \d+ proof obligations · validation fails \(latency\) ✗$/);
    for (const section of ['Capabilities', 'Primitives', 'Patterns', 'Validation fails', 'Warnings', 'Proof obligations', 'Technologies']) {
      expect(reply.text).toContain(`\n${section}\n`);
    }
    expect(reply.text).toContain('✗ latency');
    expect(reply.text).toContain('✓ availability');
    expect(reply.text).toMatch(/\n\[ \] outbox: Show that /);
    expect(reply.text).toContain('[high]');
    expect(reply.formulas).toHaveLength(assessment.validation.checks.length);
    expect(reply.formulas![0]).toContain('× 0.7');
    expect(reply.choices).toEqual([
      { label: 'Export', value: 'export' },
      { label: 'History', value: 'history' },
      { label: `Why ${assessment.primitives[0]!.id}`, value: `why ${assessment.primitives[0]!.id}` },
    ]);
  });

  it('shows each item with its first reason and points to `why` for the others', async () => {
    const assessment = await largest();
    const reply = assessmentReply(assessment);
    const p3 = assessment.primitives.find((p) => p.id === 'P3')!;
    expect(p3.reasons.length).toBeGreaterThan(1);
    const line = reply.text.split('\n').find((l) => l.startsWith('- P3 '));
    expect(line).toBe(`- P3 Durable Log — ${p3.reasons[0]} (+${p3.reasons.length - 1} more: \`why P3\`)`);
  });

  it('shows the top five warnings and six obligations and says how many more `export` holds', async () => {
    const assessment = await largest();
    expect(assessment.warnings.length).toBeGreaterThan(5);
    expect(assessment.obligations.length).toBeGreaterThan(6);
    const reply = assessmentReply(assessment);
    const section = (label: string) => reply.text.split(`\n${label}\n`)[1]!.split('\n\n')[0]!.split('\n');
    const warnings = section('Warnings');
    expect(warnings).toHaveLength(6);
    expect(warnings[0]).toContain(`[${assessment.warnings[0]!.severity}]`);
    expect(warnings[5]).toBe(`+${assessment.warnings.length - 5} more in \`export\``);
    const obligations = section('Proof obligations');
    expect(obligations).toHaveLength(7);
    expect(obligations[0]).toMatch(new RegExp(`^\\[ \\] ${assessment.obligations[0]!.pattern}: `));
    expect(obligations[6]).toBe(`+${assessment.obligations.length - 6} more in \`export\``);
    for (const field of reply.fields!) expect(field.value.length).toBeLessThan(1000);
  });

  it('leaves every warning, obligation, reason and formula in the exported record', async () => {
    const assessment = await largest();
    const version = {
      version: 1,
      requirements: everything,
      assessment,
      answeredBy: {},
      savedBy: 'alice',
      savedAt: '2025-01-01T00:00:00.000Z',
      cause: 'assess',
    };
    const design: Design = {
      id: 'd-123abc',
      key: { platform: 'terminal', workspace: 'w', channel: 'c', thread: 't' } as Design['key'],
      title: 'Ledger',
      createdAt: version.savedAt,
      updatedAt: version.savedAt,
      versions: [version],
    };
    const md = exportMarkdown(design, version, realCatalog());
    for (const w of assessment.warnings) expect(md).toContain(w.message);
    for (const o of assessment.obligations) expect(md).toContain(`- [ ] ${o.pattern}: ${o.text}`);
    for (const item of [...assessment.capabilities, ...assessment.primitives, ...assessment.patterns]) {
      for (const reason of item.reasons) expect(md).toContain(reason);
    }
    for (const c of assessment.validation.checks) expect(md).toContain(c.explain);
  });

  it('fits the largest card, every flag on, into at most three Discord messages', async () => {
    const reply = { ...assessmentReply(await largest(), { title: everything.name! }), design: { id: 'd-123abc', version: 3 } };
    const messages = renderReply(reply, { designVersion: 3, sessionVersion: 7, values: new LongValues() });
    expect(messages.length).toBeLessThanOrEqual(3);
  });
});

import { describe, expect, it } from 'vitest';
import { LongValues } from '../../src/adapters/discord/custom-id.ts';
import { renderReply } from '../../src/adapters/discord/render-message.ts';
import { renderBlocks } from '../../src/adapters/slack/render-blocks.ts';
import { renderText } from '../../src/adapters/terminal/render-text.ts';
import { exportMarkdown } from '../../src/dialog/export-markdown.ts';
import { assessmentReply, cardCommands, cardMaxLines } from '../../src/dialog/replies/assessment-reply.ts';
import type { Assessment } from '../../src/rules/assessment.ts';
import type { Design } from '../../src/dialog/ports/design-store.ts';
import { limitViolations as discordViolations } from '../discord/limits-check.ts';
import { everything } from '../discord/largest-requirements.ts';
import { limitViolations as slackViolations } from '../slack/block-limits.ts';
import { realAssessor, realCatalog } from './assessor-fixture.ts';
import { goldenDesigns } from './golden-designs.ts';

const largest = async () => (await (await realAssessor()).assess(everything)).assessment;

/** The lines under a heading of the card, up to the next heading or the commands line. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) return [];
  const rest = lines.slice(start + 1);
  const end = rest.findIndex((l) => l === 'Decisions' || l.startsWith('More: '));
  return end < 0 ? rest : rest.slice(0, end);
}

type Summary = { topRisks: string[]; decisions: unknown[] };
const summaryOf = (a: Assessment) => (a as { summary?: Summary }).summary;

describe('the assessment card', () => {
  const designs = goldenDesigns();

  it('has golden designs to read', () => {
    expect(designs.length).toBeGreaterThanOrEqual(30);
  });

  for (const { name, requirements } of designs) {
    it(`reads ${name} in at most ${cardMaxLines} lines naming its top risks and decisions`, async () => {
      const { assessment } = await (await realAssessor()).assess(requirements);
      const card = assessmentReply(assessment, { title: requirements.name ?? name });
      const lines = card.text.split('\n');
      expect(lines.length).toBeLessThanOrEqual(cardMaxLines);
      expect(lines[0]).toContain(card.summary!);
      const risks = section(card.text, 'Top risks');
      const wanted = summaryOf(assessment)?.topRisks.length ?? assessment.warnings.length;
      expect(risks).toHaveLength(Math.min(3, wanted));
      risks.forEach((line, i) => expect(line).toMatch(new RegExp(`^${i + 1}\\. \\[(high|medium|low)\\] `)));
      const decisions = section(card.text, 'Decisions');
      const available = summaryOf(assessment)?.decisions.length ?? assessment.primitives.length + assessment.patterns.length;
      expect(decisions.length).toBeGreaterThanOrEqual(Math.min(3, available));
      expect(decisions.length).toBeLessThanOrEqual(5);
      expect(lines.at(-1)).toBe(`More: ${cardCommands.map((c) => c.value).join(' · ')}`);
    });
  }

  it('says a check without a target is not judged, never that it passes', async () => {
    const { assessment } = await (await realAssessor()).assess({ domain: 'social', writesPerSec: 500 });
    const unjudged = { ...assessment.validation.checks[0]!, required: null, pass: null as unknown as boolean };
    // A version saved before summaries existed: the card says it from the check itself.
    const older = { ...assessment, summary: undefined, validation: { pass: true, checks: [unjudged] } } as unknown as Assessment;
    const card = assessmentReply(older);
    expect(card.text).toContain(`${unjudged.id} not judged (no target given)`);
    expect(card.text).not.toContain(`✓ ${unjudged.id}`);
    // With a summary whose headline forgets it, the card still says it was not judged.
    const forgetful = { ...assessment, summary: { ...assessment.summary, headline: ['cost $1.2k/month'] }, validation: { pass: true, checks: [unjudged] } };
    expect(assessmentReply(forgetful).text).toContain(`not judged: ${unjudged.id} (no target given)`);
  });

  it('leads with the summary the engine wrote when the assessment carries one', async () => {
    const base = await largest();
    const warning = base.warnings[1]!;
    const summary = {
      verdict: 'Holds up at 4 partitions; cost is over budget.',
      headline: ['throughput headroom 31 %', 'availability 99.995 % vs 99.99 % ✓'],
      topRisks: [warning.id],
      decisions: [{ decision: 'One leader per partition', alternative: 'consensus on every write', why: 'one region needs no quorum' }],
    };
    const withWhy = { ...base, summary, warnings: base.warnings.map((w) => (w.id === warning.id ? { ...w, message: 'Hot partition key.', why: 'writes peak at 320k/s' } : w)) };
    const card = assessmentReply(withWhy as Assessment, { title: 'Ledger' });
    const lines = card.text.split('\n');
    expect(lines[0]).toBe('Ledger — Holds up at 4 partitions; cost is over budget.');
    expect(lines[1]).toMatch(/^throughput headroom 31 % · availability 99.995 % vs 99.99 % ✓/);
    expect(section(card.text, 'Top risks')).toEqual([`1. [${warning.severity}] Hot partition key — writes peak at 320k/s`]);
    expect(section(card.text, 'Decisions')).toEqual(['• One leader per partition — rather than consensus on every write: one region needs no quorum']);
  });

  it('renders the largest card as one message on each platform, within its limits', async () => {
    const card = { ...assessmentReply(await largest(), { title: everything.name! }), design: { id: 'd-123abc', version: 3 } };
    const slack = renderBlocks(card, { context: { thread: '1700000000.000100' } });
    expect(slack).toHaveLength(1);
    expect(slackViolations(slack[0]!)).toEqual([]);
    const buttons = slack[0]!.blocks.flatMap((b) => (b.type === 'actions' ? b.elements : []));
    expect(buttons.every((b) => b.type === 'button')).toBe(true);
    expect(buttons).toHaveLength(cardCommands.length);
    const discord = renderReply(card, { designVersion: 3, sessionVersion: 7, values: new LongValues() });
    expect(discord).toHaveLength(1);
    expect(discordViolations(discord[0]!)).toEqual([]);
    const terminal = renderText(card).split('\n');
    expect(terminal.length).toBeLessThanOrEqual(cardMaxLines + 1);
    for (const line of terminal) expect(line.length).toBeLessThanOrEqual(220);
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
});

import type { ArchitectureView } from '../../diagram/diagram-model.ts';
import type { Assessment } from '../../rules/assessment.ts';
import type { DesignDiff } from '../design-diff.ts';
import { formatValue } from '../format-value.ts';
import type { Choice, Reply } from '../reply.ts';
import { assessmentReply, cardMaxLines, checkValue } from './assessment-reply.ts';
import { architectureOf } from './diagram-reply.ts';

/**
 * The reply to a what-if (`set` on an assessed design, `add`, `drop`): what changed in figures and
 * items first, then the new verdict and risks; the full card is one word away (`card`).
 */

type Check = Omit<Assessment['validation']['checks'][number], 'pass'> & { pass: boolean | null };
type Need = 'essential' | 'recommended' | 'optional';

const passWord = (p: boolean | null) => (p === null ? 'not judged' : p ? 'passes ✓' : 'fails ✗');

function difference(before: number, after: number, unit: string): string {
  const delta = after - before;
  if (unit === 'USD/month') return ` (${delta > 0 ? '+' : '−'}${checkValue(Math.abs(delta), unit)})`;
  return '';
}

/** Each check whose figure or verdict moved: "cost $12,400/month → $15,500/month (+$3,100/month), now fails ✗". */
function figureChanges(before: Check[], after: Check[]): string[] {
  const old = new Map(before.map((c) => [c.id, c]));
  const lines: string[] = [];
  for (const c of after) {
    const b = old.get(c.id);
    if (!b) {
      lines.push(`${c.id} ${checkValue(c.calculated, c.unit)} (new check, ${passWord(c.pass)})`);
      continue;
    }
    const moved = JSON.stringify(b.calculated) !== JSON.stringify(c.calculated);
    const flipped = b.pass !== c.pass;
    if (!moved && !flipped) continue;
    const value = moved ? `${checkValue(b.calculated, b.unit)} → ${checkValue(c.calculated, c.unit)}` : checkValue(c.calculated, c.unit);
    const delta = moved && typeof b.calculated === 'number' && typeof c.calculated === 'number' ? difference(b.calculated, c.calculated, c.unit) : '';
    lines.push(`${c.id} ${value}${delta}${flipped ? `, now ${passWord(c.pass)}` : ''}`);
  }
  return lines;
}

/** Component counts that moved and parts that came or went: "Ledger store 20 → 40 nodes", "+Cache (Redis)". */
function architectureChanges(before: ArchitectureView | undefined, after: ArchitectureView | undefined): string[] {
  if (!before || !after) return [];
  const old = new Map(before.components.map((c) => [c.id, c]));
  const now = new Set(after.components.map((c) => c.id));
  const lines: string[] = [];
  for (const c of after.components) {
    const b = old.get(c.id);
    if (!b) lines.push(`+${c.role} (${c.technology}${c.count > 1 ? ` ×${c.count}` : ''})`);
    else if (b.count !== c.count) lines.push(`${c.role} ${b.count} → ${c.count} nodes`);
    else if (b.technology !== c.technology) lines.push(`${c.role} ${b.technology} → ${c.technology}`);
  }
  for (const c of before.components) if (!now.has(c.id)) lines.push(`−${c.role}`);
  return lines;
}

const needOf = (item: object): Need | undefined => {
  const need = (item as { need?: unknown }).need;
  return need === 'essential' || need === 'recommended' || need === 'optional' ? need : undefined;
};

/** Items that came, went or changed need: "+P1 Partitioning (essential)", "P2 now essential", "−P11". */
function itemChanges(before: Assessment, after: Assessment): string[] {
  const items = (a: Assessment) =>
    new Map<string, { id: string; name?: string }>([...a.capabilities, ...a.primitives, ...a.patterns].map((i) => [i.id, i]));
  const old = items(before);
  const now = items(after);
  const lines: string[] = [];
  for (const [id, item] of now) {
    const b = old.get(id);
    const need = needOf(item);
    if (!b) lines.push(`+${item.name === undefined || item.name === id ? id : `${id} ${item.name}`}${need ? ` (${need})` : ''}`);
    else if (need && needOf(b) !== need) lines.push(`${id} now ${need}`);
  }
  for (const id of old.keys()) if (!now.has(id)) lines.push(`−${id}`);
  return lines;
}

/** Joins parts with " · " into lines of about `limit` characters, at most `max` lines. */
function joinLines(label: string, parts: string[], max: number, limit = 150): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + part.length + 3 <= limit) lines[lines.length - 1] = `${last} · ${part}`;
    else if (lines.length < max) lines.push(lines.length === 0 ? `${label}: ${part}` : part);
  }
  return lines;
}

/** The what-if reply of a new version: delta first, then the new verdict and top risks, the card a click away. */
export function whatIfReply(
  diff: DesignDiff,
  versions: { from: number; to: number; before: Assessment; after: Assessment },
  options: { title: string; choices: Choice[] },
): Reply {
  const { before, after } = versions;
  const card = assessmentReply(after, { title: options.title });
  const asked = diff.requirements.map((r) => `${r.field} ${formatValue(r.field, r.before)} → ${formatValue(r.field, r.after)}`);
  const head = `What if ${asked.length > 0 ? asked.join(', ') : 'nothing changed in the requirements'} — v${versions.from} → v${versions.to}`;
  const figures = figureChanges(before.validation.checks as Check[], after.validation.checks as Check[]);
  const parts = [...figures, ...architectureChanges(architectureOf(before), architectureOf(after)), ...itemChanges(before, after)];
  const newRisks = after.warnings.filter((w) => !before.warnings.some((b) => b.id === w.id)).map((w) => `+${w.id}`);
  const goneRisks = before.warnings.filter((w) => !after.warnings.some((a) => a.id === w.id)).map((w) => `−${w.id}`);
  const changed = joinLines('Changed', parts.length > 0 ? parts : ['no figure or item moved'], 4);
  const risks = newRisks.length + goneRisks.length > 0 ? joinLines('Risks', [...newRisks, ...goneRisks], 2) : [];
  const cardLines = card.text.split('\n');
  const verdict = `Now: ${card.summary}`;
  const topRisks = cardLines.slice(cardLines.indexOf('Top risks'), cardLines.indexOf('Decisions') < 0 ? undefined : cardLines.indexOf('Decisions'));
  const lines = [head, ...changed, ...risks, verdict, ...(cardLines.includes('Top risks') ? topRisks : []), 'Full card: card · diagram · risks · checks · diff'];
  return {
    ...card,
    title: `${options.title}: what if`,
    summary: `${verdict}`,
    text: lines.slice(0, cardMaxLines).join('\n'),
    fields: [
      { label: 'What changed', value: [head, ...changed, ...risks].join('\n') },
      ...(card.fields ?? []).filter((f) => f.label === 'Top risks'),
    ],
    choices: options.choices,
  };
}

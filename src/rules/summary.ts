import type { SizedArchitecture } from './architecture/build-architecture.ts';
import type { Assessment } from './assessment.ts';
import type { Decision } from './rule-schema.ts';
import { fmt } from './validation/capacity.ts';

/** A decision a design-stage rule made, with the reason the rule rendered. */
export interface MadeDecision extends Decision {
  why: string;
}

const money = (v: number) => `$${v >= 1e6 ? `${fmt(Math.round(v / 1e5) / 10)}M` : v >= 1e4 ? `${fmt(Math.round(v / 100) / 10)}k` : fmt(Math.round(v))}`;

/** The figure of a check as it reads in the headline. */
function figure(c: Assessment['validation']['checks'][number]): string {
  const value = typeof c.calculated === 'number' ? (c.unit === 'fraction' ? `${fmt(c.calculated * 100)} %` : c.unit === 'USD/month' ? `${money(c.calculated)}/month` : `${fmt(c.calculated)} ${c.unit}`) : String(c.calculated);
  const target = c.required === null ? 'no target, not judged' : `${c.pass ? 'meets' : 'misses'} ${c.unit === 'fraction' ? `${fmt(Number(c.required) * 100)} %` : c.unit === 'USD/month' ? money(Number(c.required)) : `${c.required} ${c.unit}`}`;
  return `${c.id} ${value} (${target})`;
}

/**
 * The judgement read first: a verdict, the figures that matter, the top three risks of this design,
 * and three to five decisions, each with the simpler alternative that was considered.
 */
export function summarize(a: Omit<Assessment, 'summary'>, arch: SizedArchitecture, decisions: readonly MadeDecision[]): Assessment['summary'] {
  const checks = a.validation.checks;
  const failing = checks.filter((c) => c.pass === false);
  const unjudged = checks.filter((c) => c.pass === null).map((c) => c.id);
  const store = arch.store;
  const shape = `${store.partitions} partition${store.partitions > 1 ? 's' : ''} × ${store.replicas} replica${store.replicas > 1 ? 's' : ''}${store.consensus ? ' with consensus' : ''}`;
  const verdict = failing.length > 0
    ? `Not yet: ${failing.map((c) => c.id).join(', ')} ${failing.length > 1 ? 'miss their targets' : 'misses its target'} — ${failing[0]!.explain.split('; ').slice(-1)[0]}`
    : `Meets every stated target with ${arch.architecture.components.length - 1} components (store: ${shape})${unjudged.length ? `; not judged for lack of a target: ${unjudged.join(', ')}` : ''}`;
  const order = ['throughput', 'availability', 'latency', 'read-latency', 'cost'];
  const headline = [
    `store of record: ${shape}, ${arch.architecture.components.find((c) => c.id === store.id)?.technology ?? ''}`.trim(),
    ...order.flatMap((id) => checks.filter((c) => c.id === id)).map(figure),
  ];
  const cost = checks.find((c) => c.id === 'cost');
  const driver = cost?.breakdown?.[0];
  if (driver && typeof cost?.calculated === 'number' && cost.calculated > 0) headline.push(`largest cost: ${driver.item} ${money(driver.usd)} of ${money(cost.calculated)}`);
  const chosen = [...decisions].sort((x, y) => y.weight - x.weight).slice(0, 5);
  return {
    verdict,
    headline,
    topRisks: a.warnings.slice(0, 3).map((w) => w.id),
    decisions: chosen.map((d) => ({ decision: d.decision, alternative: d.alternative, why: d.why })),
  };
}

import type { Check } from '../assessment.ts';
import { majority, replicasFor } from '../facts.ts';
import { availabilityModel } from '../models/availability.ts';
import { fmt, round } from './capacity.ts';
import type { Sizing } from './sizing.ts';

/**
 * The availability of the chosen replication (k of n up, k = majority with P5, else 1) against the
 * target, with the replicas that would meet it.
 */
export function availabilityCheck(s: Sizing, target: number | undefined, node: number): Check {
  const { availability, downtimeMinutesPerYear } = availabilityModel({ node, replicas: s.replicas, quorum: s.quorum });
  const who = s.quorum > 1 ? `P(≥${s.quorum} of ${s.replicas} up)` : `1 − (1 − ${node})^${s.replicas}`;
  const formula = `${s.replicasExplain}, quorum ${s.quorum}${s.has('P5') ? ' (majority for P5)' : ''}: ${who} with node availability ${node} = ${fmt(availability)} (${fmt(round(downtimeMinutesPerYear, 1))} min/yr down)`;
  if (target === undefined) {
    return { id: 'availability', required: null, calculated: round(availability, 8), unit: 'fraction', pass: null, explain: `${formula}; no target given` };
  }
  const pass = availability >= target;
  const needed = replicasFor(target, node, (n) => (s.has('P5') ? majority(n) : 1));
  const advice = needed === undefined ? 'no count up to 15 meets it at this node availability' : `${needed} replica${needed > 1 ? 's' : ''} would meet it`;
  return {
    id: 'availability',
    required: target,
    calculated: round(availability, 8),
    unit: 'fraction',
    pass,
    explain: `${formula} ${pass ? '≥' : '<'} target ${target}; ${advice}`,
  };
}

/** Consensus wants an odd number of voters between 3 and 7; only checked when P5 is in the design. */
export function votersCheck(s: Sizing): Check {
  const pass = s.replicas % 2 === 1 && s.replicas >= 3 && s.replicas <= 7;
  return {
    id: 'replicas',
    required: 'odd, 3–7',
    calculated: s.replicas,
    unit: 'voters',
    pass,
    explain: `P5 voters = ${s.replicas}: majority ⌊${s.replicas}/2⌋+1 = ${majority(s.replicas)}, tolerates ${Math.floor((s.replicas - 1) / 2)} failure(s); ${pass ? 'odd and within 3–7' : 'use an odd count between 3 and 7'}`,
  };
}

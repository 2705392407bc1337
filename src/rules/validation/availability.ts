import type { Check } from '../assessment.ts';
import type { SizingDefaults } from '../costs.ts';
import { majority } from '../facts.ts';
import { availabilityModel } from '../models/availability.ts';
import { compositeModel } from '../models/composite.ts';
import { failoverModel } from '../models/failover.ts';
import { fmt, round } from './capacity.ts';
import type { Sizing } from './sizing.ts';

interface Tier {
  label: string;
  availability: number;
}

interface PathShape {
  statelessNodes: number;
  appNodes: number;
  replicas: number;
  quorum: number;
  zones: number;
  regions: number;
  dependencies: number;
}

/** The request path's tiers (entry, app, the store less failover time, each zone, each bare dependency) and its composite availability. */
function pathAvailability(p: PathShape, node: number, d: SizingDefaults, dependenciesOffPath: boolean): { tiers: Tier[]; availability: number } {
  const tiers: Tier[] = [
    { label: `entry ${p.statelessNodes} nodes`, availability: availabilityModel({ node, replicas: p.statelessNodes }).availability },
    { label: `app ${p.appNodes} nodes`, availability: availabilityModel({ node, replicas: Math.min(p.appNodes, 100) }).availability },
    { label: `store ${p.quorum > 1 ? `${p.quorum} of ${p.replicas}` : `1 of ${p.replicas}`} replicas`, availability: availabilityModel({ node, replicas: p.replicas, quorum: p.quorum }).availability },
  ];
  if (p.replicas > 1) {
    const failover = failoverModel({ nodeFailuresPerYear: d.leaderFailuresPerYear, failoverSec: d.failoverSec }).availability;
    tiers.push({ label: `leader failover ${d.leaderFailuresPerYear}/yr × ${d.failoverSec} s`, availability: failover });
  }
  if (p.zones === 1) tiers.push({ label: 'one zone', availability: d.zoneAvailability });
  if (!dependenciesOffPath && p.dependencies > 0) {
    tiers.push({ label: `${p.dependencies} dependencies × ${d.dependencyAvailability}`, availability: d.dependencyAvailability ** p.dependencies });
  }
  const { availability } = compositeModel({ tiers: tiers.map((t) => t.availability), regions: p.regions, regionAvailability: d.regionAvailability });
  return { tiers, availability };
}

/**
 * Availability composed over the request path (interface.md "Readings"): entry and app tiers, the store
 * over its replicas (majority with consensus on the data path), leader failover time, the zone when all
 * replicas share one, each bare dependency in series, times the region, regions in parallel. With a
 * target, the check also names the replicas, zones or regions that would meet it.
 */
export function availabilityCheck(
  s: Sizing,
  target: number | undefined,
  node: number,
  d: SizingDefaults,
  path: { zones: number | undefined; dependencies: number; dependenciesOffPath: boolean },
): Check {
  const zones = path.zones ?? Math.min(s.replicas, 3);
  const shape: PathShape = { statelessNodes: d.statelessNodes, appNodes: s.appNodes, replicas: s.replicas, quorum: s.quorum, zones, regions: s.regions, dependencies: path.dependencies };
  const { tiers, availability } = pathAvailability(shape, node, d, path.dependenciesOffPath);
  const downtime = (1 - availability) * 525_600;
  const formula =
    `${tiers.map((t) => `${t.label} ${fmt(t.availability)}`).join(' × ')} × region ${d.regionAvailability}` +
    `${s.regions > 1 ? `, ${s.regions} regions in parallel` : ''} = ${fmt(availability)} (${fmt(round(downtime, 1))} min/yr down; node availability ${node}, ${zones} zone${zones > 1 ? 's' : ''}${path.dependenciesOffPath && path.dependencies > 0 ? `, ${path.dependencies} dependencies behind breakers with fallbacks` : ''})`;
  if (target === undefined) {
    return { id: 'availability', required: null, calculated: round(availability, 8), unit: 'fraction', pass: null, explain: `${formula}; no target given` };
  }
  const pass = availability >= target;
  return {
    id: 'availability',
    required: target,
    calculated: round(availability, 8),
    unit: 'fraction',
    pass,
    explain: `${formula} ${pass ? '≥' : '<'} target ${target}${pass ? '' : `; ${whatMeets(shape, target, node, d, path.dependenciesOffPath, s.consensus)}`}`,
  };
}

/** The smallest change of replicas, zones and regions that meets the target, or what stands in the way. */
function whatMeets(shape: PathShape, target: number, node: number, d: SizingDefaults, offPath: boolean, consensus: boolean): string {
  for (const regions of [shape.regions, 2, 3].filter((r) => r >= shape.regions)) {
    for (const replicas of [shape.replicas, 3, 5].filter((n) => n >= shape.replicas)) {
      for (const zones of [shape.zones, 3].filter((z) => z >= shape.zones)) {
        const quorum = consensus ? majority(replicas) : 1;
        const tried = { ...shape, regions, replicas, quorum, zones };
        if (pathAvailability(tried, node, d, offPath).availability >= target) {
          return `meets it with ${replicas} replicas over ${zones} zones in ${regions} region${regions > 1 ? 's' : ''}`;
        }
      }
    }
  }
  const deps = shape.dependencies > 0 && !offPath ? `; the ${shape.dependencies} bare dependencies alone cap it at ${fmt(d.dependencyAvailability ** shape.dependencies)}: put breakers with fallbacks on them` : '';
  return `no count of replicas, zones or regions up to 3 regions meets it${deps}`;
}

/** Consensus wants an odd number of voters between 3 and 7; only checked when P5 is on the data path. */
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

import type { Assessment } from '../../rules/assessment.ts';
import type { Design, DesignVersion } from '../ports/design-store.ts';
import { emptyPlan } from './plan-record.ts';
import { planAt, type PlanView } from './plan-view.ts';

/** The status of a design record and the reason for it, as the Markdown export states it. */
export interface RecordStatus {
  status: 'proposed' | 'accepted';
  reason: string;
}

/**
 * A record is "proposed" while a judged check fails (no acceptance can make a failing figure pass),
 * and while a high item is still open; it is "accepted" once every high item is done or accepted.
 */
export function recordStatus(assessment: Assessment, view: PlanView): RecordStatus {
  const failing = assessment.validation.checks.filter((c) => c.pass === false && c.required !== null).map((c) => c.id);
  if (failing.length > 0) return { status: 'proposed', reason: `the ${failing.join(', ')} check${failing.length > 1 ? 's fail' : ' fails'}` };
  const open = view.items.filter((i) => i.impact === 'high' && i.status === 'open').map((i) => i.id);
  if (open.length > 0) return { status: 'proposed', reason: `${open.length} high item${open.length > 1 ? 's are' : ' is'} open (${open.slice(0, 5).join(', ')})` };
  const high = view.items.filter((i) => i.impact === 'high').length;
  return { status: 'accepted', reason: high > 0 ? `every judged check passes and all ${high} high items are done or accepted` : 'every judged check passes and no high item is open' };
}

/** The status of the record of one version of a design, from its checks and the team's plan at that version. */
export function designStatus(design: Design, version: DesignVersion): RecordStatus {
  return recordStatus(version.assessment, planAt(design, design.plan ?? emptyPlan(), version.version));
}

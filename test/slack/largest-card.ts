import type { Quorum } from '../../src/bootstrap.ts';
import type { Reply } from '../../src/dialog/reply.ts';
import type { Turn } from '../../src/dialog/turn.ts';

/** Every requirement set so the real assessor recommends (and warns about) as much as it can. */
export const everythingOn = [
  'name Global payments ledger with <!channel> & @everyone',
  'domain financial',
  'consistency linearizable',
  'writesPerSec 2M',
  'readsPerSec 20M',
  'peakFactor 5',
  'dataSizeGb 500000',
  'availability 99.999%',
  'readLatencyMs 0.5ms',
  'writeLatencyMs 5ms',
  'regions 5',
  'rpoSec 0',
  'rtoSec 5',
  'budgetUsdPerMonth 1000',
  'ordering total',
  'queryShapes 40',
  'exactlyOnce yes',
  'auditTrail yes',
  'eventSourcing yes',
  'crossServiceTransaction yes',
  'publishesEvents yes',
  'multiTenant yes',
  'highContention yes',
  'progressiveRollout yes',
  'unreliableDependencies yes',
];

/** Drives the real core to the largest assessment card it makes; returns that reply. */
export async function largestCard(quorum: Pick<Quorum, 'core'>, where: Omit<Turn, 'platform' | 'text' | 'action'>): Promise<Reply> {
  for (const setting of everythingOn) {
    const replies = (await quorum.core.handle({ platform: 'slack', ...where, text: `set ${setting}` })).replies;
    const failed = replies.find((r) => r.kind === 'error');
    if (failed) throw new Error(`set ${setting} failed: ${failed.text}`);
  }
  const replies = (await quorum.core.handle({ platform: 'slack', ...where, text: 'assess' })).replies;
  const card = replies.find((r) => r.assessment);
  if (!card) throw new Error(`assess gave no card: ${JSON.stringify(replies).slice(0, 500)}`);
  return card;
}

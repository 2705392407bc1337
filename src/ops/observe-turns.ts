import type { Core } from '../dialog/core.ts';
import type { TurnResult } from '../dialog/turn-result.ts';
import type { Turn } from '../dialog/turn.ts';
import { turnKind, turnOutcome } from '../turn-log.ts';
import type { Metrics } from './metrics.ts';

/** Wraps the core so every turn is counted by platform, kind and outcome and its duration observed. */
export function observeTurns(core: Core, metrics: Metrics): Core {
  return {
    ...core,
    async handle(turn: Turn): Promise<TurnResult> {
      const started = performance.now();
      const labels = { platform: String(turn?.platform ?? 'unknown'), kind: turnKind(turn) };
      const seconds = () => (performance.now() - started) / 1000;
      try {
        const result = await core.handle(turn);
        metrics.turn({ ...labels, outcome: turnOutcome(result.replies) }, seconds());
        return result;
      } catch (err) {
        metrics.turn({ ...labels, outcome: 'exception' }, seconds());
        throw err;
      }
    },
  };
}

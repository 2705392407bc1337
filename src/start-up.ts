import { createQuorum, type Quorum } from './bootstrap.ts';
import type { Config } from './config.ts';
import type { Core } from './dialog/door.ts';
import { trackInFlight, type InFlightCore } from './in-flight.ts';
import type { Log } from './log.ts';
import type { Metrics } from './ops/metrics.ts';
import { withTurnLog } from './turn-log.ts';

/** A started Quorum: the core (logged and counted turn by turn) with its stores, and the in-flight counter shutdown waits on. */
export interface Started {
  quorum: Quorum;
  inFlight: InFlightCore;
}

/** What a caller may add: store metrics, and one more wrapper around the logged core (the ops turn metrics). */
export interface StartOptions {
  metrics?: Pick<Metrics, 'storeCall'>;
  observe?: (core: Core) => Core;
}

/**
 * The one start-up of the core, used by `main.ts` (terminal and serving) and by each Discord shard
 * process: loads the catalog, rules and store named by the config, then wraps the core so every turn
 * is logged and counted. Faults and bugs the core catches are logged at error with their context and stack.
 */
export async function startQuorum(config: Config, log: Log, options: StartOptions = {}): Promise<Started> {
  const opened = await createQuorum(config, (err, context) => log.error({ ...(context as object), err }, 'unexpected error'), options.metrics);
  const logged = withTurnLog(opened.core, log);
  const inFlight = trackInFlight(options.observe ? options.observe(logged) : logged);
  return { quorum: { ...opened, core: inFlight.core }, inFlight };
}

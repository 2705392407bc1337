import type { Core } from '../dialog/core.ts';
import { createMetrics, platformObserver, type Metrics, type MetricsSnapshot } from './metrics.ts';
import type { PlatformObserver } from './platform-observer.ts';
import { observeTurns } from './observe-turns.ts';

export type { MetricsSnapshot } from './metrics.ts';

/** What the Discord shard manager sends a shard process for its metrics, and what the shard answers (IPC). */
export const metricsRequest = 'quorum:metrics?';
/** A shard's answer to `metricsRequest`: its registry as prom-client JSON. */
export interface MetricsAnswer {
  quorumMetrics: MetricsSnapshot;
}

/**
 * The metrics of one Discord shard process: its turns and store calls are counted there, and the
 * manager's `/metrics` asks for them over IPC and shows them summed with its own (Metrics.include).
 */
export interface ShardMetrics {
  metrics: Metrics;
  /** What the shard's Discord adapter reports to (retried and lost replies, rate limits). */
  observer: PlatformObserver;
  /** The core with its turns counted (startQuorum's `observe`). */
  observe(core: Core): Core;
  /** Answers the manager when `message` is a metrics request; false for any other message. */
  answer(message: unknown, send: (answer: MetricsAnswer) => void): boolean;
}

/** Creates a shard process's metrics; `inFlight` and `repliesWaiting` are read at each scrape. */
export function createShardMetrics(inFlight: () => number, repliesWaiting: () => number = () => 0): ShardMetrics {
  const metrics = createMetrics(inFlight, repliesWaiting);
  return {
    metrics,
    observer: platformObserver(metrics),
    observe: (core) => observeTurns(core, metrics),
    answer(message, send) {
      if (message !== metricsRequest) return false;
      void metrics.snapshot().then((quorumMetrics) => send({ quorumMetrics }), () => undefined);
      return true;
    },
  };
}

/** True when `message` is a shard's answer to `metricsRequest`. */
export function isMetricsAnswer(message: unknown): message is MetricsAnswer {
  return typeof message === 'object' && message !== null && Array.isArray((message as Partial<MetricsAnswer>).quorumMetrics);
}

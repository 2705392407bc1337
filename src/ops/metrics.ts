// Each part comes from its own file: prom-client's index also loads its Pushgateway client (http, https,
// zlib), which Quorum never uses and every start would pay for. prom-client-parts.d.ts types them.
import Counter from 'prom-client/lib/counter.js';
import collectDefaultMetrics from 'prom-client/lib/defaultMetrics.js';
import Gauge from 'prom-client/lib/gauge.js';
import Histogram from 'prom-client/lib/histogram.js';
import Registry from 'prom-client/lib/registry.js';
import type { PlatformObserver } from './platform-observer.ts';

/** The label values a turn is counted by: never the words, only what kind of turn it was and how it ended. */
export interface TurnLabels {
  platform: string;
  kind: string;
  outcome: string;
}

/** A registry's metrics as prom-client JSON (getMetricsAsJSON), what another process sends to be summed. */
export type MetricsSnapshot = Awaited<ReturnType<Registry['getMetricsAsJSON']>>;

/**
 * Quorum's Prometheus metrics, all named `quorum_…`, in a registry of their own (never prom-client's
 * global one, so two instances in one test process do not collide).
 */
export interface Metrics {
  registry: Registry;
  /** Records one finished turn and its duration. */
  turn(labels: TurnLabels, seconds: number): void;
  /** Records one store call, by operation and whether it answered. */
  storeCall(operation: string, outcome: 'ok' | 'error', seconds: number): void;
  /** A platform redelivered an event Quorum had already handled, and it was dropped. */
  retryDropped(platform: string): void;
  /** A platform answered 429 for a call of Quorum's. */
  rateLimited(platform: string, scope: string): void;
  /** A reply that failed to send is tried again after a wait. */
  replyRetried(platform: string): void;
  /** A reply Quorum stopped trying to send: refused for good, out of retries, or perhaps delivered already. */
  replyLost(platform: string, reason: string): void;
  /** This process's metrics as JSON, for a process that shows them (a Discord shard's to its manager). */
  snapshot(): Promise<MetricsSnapshot>;
  /**
   * Adds metrics kept in other processes (the Discord shard processes) to `render`, summed with this
   * process's by prom-client's aggregator (each metric's own rule, sum by default).
   */
  include(source: () => Promise<MetricsSnapshot[]>): void;
  /** Prometheus text exposition of every metric (this process's and those included). */
  render(): Promise<string>;
  contentType: string;
}

// Turns take milliseconds (lookups) to a second or two (an assessment on a slow store); store calls are faster.
const turnBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const storeBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5];

/** Creates the metrics; `inFlight` (and `repliesWaiting`) are read at each scrape for their gauges. */
export function createMetrics(inFlight: () => number, repliesWaiting: () => number = () => 0): Metrics {
  const registry = new Registry();
  const sources: Array<() => Promise<MetricsSnapshot[]>> = [];
  collectDefaultMetrics({ register: registry, prefix: 'quorum_' });
  const turns = new Counter({
    name: 'quorum_turns_total',
    help: 'Turns handled, by platform, kind (a command name, text, click …) and outcome (ok, error:<code>, exception).',
    labelNames: ['platform', 'kind', 'outcome'] as const,
    registers: [registry],
  });
  const turnSeconds = new Histogram({
    name: 'quorum_turn_duration_seconds',
    help: 'Time from a turn reaching the core to its replies being ready, by platform and kind.',
    labelNames: ['platform', 'kind'] as const,
    buckets: turnBuckets,
    registers: [registry],
  });
  new Gauge({
    name: 'quorum_turns_in_flight',
    help: 'Turns started and not yet answered.',
    registers: [registry],
    collect() {
      this.set(inFlight());
    },
  });
  const storeSeconds = new Histogram({
    name: 'quorum_store_call_duration_seconds',
    help: 'Store calls (file, Postgres or memory), by operation and outcome.',
    labelNames: ['operation', 'outcome'] as const,
    buckets: storeBuckets,
    registers: [registry],
  });
  const dropped = new Counter({
    name: 'quorum_dropped_retries_total',
    help: 'Redelivered platform events (Slack retries) dropped because the event was already handled.',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const limited = new Counter({
    name: 'quorum_rate_limited_total',
    help: 'Platform rate limits hit (HTTP 429 from the Slack Web API or Discord REST), by platform and scope.',
    labelNames: ['platform', 'scope'] as const,
    registers: [registry],
  });
  const retried = new Counter({
    name: 'quorum_replies_retried_total',
    help: 'Retries of replies that failed to send with a passing error (5xx, timeout, reset, rate limit), by platform.',
    labelNames: ['platform'] as const,
    registers: [registry],
  });
  const lost = new Counter({
    name: 'quorum_replies_lost_total',
    help: 'Replies Quorum stopped trying to send, by platform and reason (permanent: refused for good; exhausted: every retry failed; uncertain: may have been delivered, so not sent again).',
    labelNames: ['platform', 'reason'] as const,
    registers: [registry],
  });
  new Gauge({
    name: 'quorum_replies_waiting',
    help: 'Replies waiting for a retry right now.',
    registers: [registry],
    collect() {
      this.set(repliesWaiting());
    },
  });
  return {
    registry,
    turn(labels, seconds) {
      turns.inc(labels);
      turnSeconds.observe({ platform: labels.platform, kind: labels.kind }, seconds);
    },
    storeCall(operation, outcome, seconds) {
      storeSeconds.observe({ operation, outcome }, seconds);
    },
    retryDropped(platform) {
      dropped.inc({ platform });
    },
    rateLimited(platform, scope) {
      limited.inc({ platform, scope });
    },
    replyRetried(platform) {
      retried.inc({ platform });
    },
    replyLost(platform, reason) {
      lost.inc({ platform, reason });
    },
    snapshot: () => registry.getMetricsAsJSON(),
    include(source) {
      sources.push(source);
    },
    async render() {
      if (sources.length === 0) return registry.metrics();
      // A source that fails (a shard restarting) leaves its numbers out of this scrape rather than failing it.
      const others = (await Promise.all(sources.map((source) => source().catch((): MetricsSnapshot[] => [])))).flat();
      const { default: AggregatorRegistry } = await import('prom-client/lib/cluster.js');
      return AggregatorRegistry.aggregate([await registry.getMetricsAsJSON(), ...others]).metrics();
    },
    contentType: registry.contentType,
  };
}

/** The observer adapters are given, counting what they report into `metrics`. */
export function platformObserver(metrics: Metrics): PlatformObserver {
  return {
    retryDropped: (platform) => metrics.retryDropped(platform),
    rateLimited: (platform, scope) => metrics.rateLimited(platform, scope),
    replyRetried: (platform) => metrics.replyRetried(platform),
    replyGivenUp: (platform, reason) => metrics.replyLost(platform, reason),
  };
}

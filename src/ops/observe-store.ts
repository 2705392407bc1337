import type { Metrics } from './metrics.ts';

/**
 * The same store object with every method call timed into `quorum_store_call_duration_seconds`
 * (label `operation` = the method name). Works for any store port, since it only forwards calls.
 */
export function observeStore<T extends object>(store: T, metrics: Pick<Metrics, 'storeCall'>): T {
  const wrapped = new Map<PropertyKey, unknown>();
  return new Proxy(store, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function' || typeof property !== 'string') return value;
      if (!wrapped.has(property)) {
        wrapped.set(property, (...args: unknown[]) => {
          const started = performance.now();
          const seconds = () => (performance.now() - started) / 1000;
          try {
            const result: unknown = value.apply(target, args);
            if (result instanceof Promise) {
              return result.then(
                (answer: unknown) => {
                  metrics.storeCall(property, 'ok', seconds());
                  return answer;
                },
                (err: unknown) => {
                  metrics.storeCall(property, 'error', seconds());
                  throw err;
                },
              );
            }
            return result;
          } catch (err) {
            metrics.storeCall(property, 'error', seconds());
            throw err;
          }
        });
      }
      return wrapped.get(property);
    },
  });
}

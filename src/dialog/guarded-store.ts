import { isOperatorFault, isUserError, OperatorFault } from '../errors.ts';
import { StaleWriteError, type DesignStore } from './ports/design-store.ts';

/**
 * The store as the core sees it: any failure that is not the port's own contract (a stale write, a
 * user error such as "no design to rename", a fault the store already named) becomes an OperatorFault,
 * so a database that went away is never mistaken for the user's mistake or shown to them as a bug.
 */
export function guardedStore(store: DesignStore): DesignStore {
  return new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (typeof value !== 'function') return value;
      return async (...args: unknown[]) => {
        try {
          return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
        } catch (err) {
          if (err instanceof StaleWriteError || isUserError(err) || isOperatorFault(err)) throw err;
          const detail = err instanceof Error ? err.message : String(err);
          throw new OperatorFault('store_unavailable', `The store failed in ${String(name)}: ${detail}`, { where: String(name), cause: err });
        }
      };
    },
  });
}

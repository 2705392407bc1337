import { isOperatorFault, isUserError, OperatorFault } from '../errors.ts';
import { StaleWriteError, type DesignStore } from './ports/design-store.ts';

// The port's methods that change what is stored; a fault in one of them means "not saved".
const writes = new Set<PropertyKey>(['saveVersion', 'setTitle', 'savePlan', 'deleteDesign', 'putSession', 'deleteSession', 'deleteWorkspace']);
const failedWrites = new WeakSet<OperatorFault>();

/** True when `err` is a fault of a store write: what the turn meant to change was not saved. */
export function isWriteFault(err: unknown): boolean {
  return err instanceof OperatorFault && failedWrites.has(err);
}

/**
 * The store as the core sees it: any failure that is not the port's own contract (a stale write, a
 * user error such as "no design to rename", a fault the store already named) becomes an OperatorFault,
 * so a database that went away is never mistaken for the user's mistake or shown to them as a bug.
 * A fault of a write is marked as such (isWriteFault).
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
          if (err instanceof StaleWriteError || isUserError(err)) throw err;
          const fault = isOperatorFault(err)
            ? err
            : new OperatorFault('store_unavailable', `The store failed in ${String(name)}: ${err instanceof Error ? err.message : String(err)}`, { where: String(name), cause: err });
          if (writes.has(name)) failedWrites.add(fault);
          throw fault;
        }
      };
    },
  });
}

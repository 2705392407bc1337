import { expect } from 'vitest';

type ErrorClass<E> = abstract new (...args: never[]) => E;

/** Runs `run`, which must throw an error of class `type`, and returns that error for closer checks. */
export function thrownBy<E>(type: ErrorClass<E>, run: () => unknown): E {
  try {
    run();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as E;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

/** Awaits `run`, which must reject with an error of class `type`, and returns that error for closer checks. */
export async function rejectionOf<E>(type: ErrorClass<E>, run: () => Promise<unknown>): Promise<E> {
  try {
    await run();
  } catch (err) {
    expect(err).toBeInstanceOf(type);
    return err as E;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}

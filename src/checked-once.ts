/**
 * zod's parse options for data checked once, at start-up (the catalog, rules, vocabulary, costs,
 * configuration). zod compiles a fast path for an object schema on its first parse, which pays only
 * for schemas parsed again and again (turns, sessions); start-up's schemas each parse one file, so
 * compiling them cost more than it saved: ~130 ms of CPU of a ~900 ms start.
 */
export const checkedOnce = { jitless: true } as const;

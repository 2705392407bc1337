import { isUserError } from '../errors.ts';
import type { CliOutput } from './command.ts';

/** Where the CLI writes: standard output and standard error (each call writes whole text). */
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Prints a subcommand's result: exactly one JSON document under --json, the human text otherwise. */
export function writeOutput(output: CliOutput, json: boolean, io: CliIo): void {
  io.stdout(json ? `${JSON.stringify(output.json)}\n` : `${output.human.trimEnd()}\n`);
}

/**
 * Prints a failure and returns the exit code: 2 for a UserError (under --json as the
 * `{"error":{...}}` document on stdout), 1 for a bug, which never shows a stack unless `debug`.
 */
export function writeFailure(err: unknown, json: boolean, io: CliIo, debug: boolean): number {
  if (isUserError(err)) {
    if (json) io.stdout(`${JSON.stringify({ error: err.toJSON() })}\n`);
    else {
      const lines = [`error: ${err.message}`];
      if (err.suggestions?.length) lines.push(`did you mean: ${err.suggestions.join(', ')}`);
      if (err.hint) lines.push(err.hint);
      io.stderr(`${lines.join('\n')}\n`);
    }
    return 2;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (json) io.stdout(`${JSON.stringify({ error: { code: 'internal_error', message } })}\n`);
  io.stderr(`internal error: ${message}\n`);
  if (debug && err instanceof Error && err.stack) io.stderr(`${err.stack}\n`);
  return 1;
}

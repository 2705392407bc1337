import type { Catalog } from '../catalog/catalog.ts';
import type { Config } from '../config.ts';

/** What a subcommand receives besides its arguments. */
export interface CliContext {
  /** The catalog, loaded on first use. */
  catalog(): Catalog;
  /** The configuration, parsed from the environment on first use (throws ConfigError). */
  config(): Config;
  /** All of standard input (for `assess -`). */
  readStdin(): Promise<string>;
  /** Whether `--json` was given (already removed from args). */
  json: boolean;
  /** Writes one line to stdout now (for streaming subcommands such as `chat`). */
  out(line: string): void;
}

/** What a one-shot subcommand produces: the JSON document and the human text. */
export interface CliOutput {
  json: unknown;
  human: string;
}

/**
 * One CLI subcommand. Bad input throws a UserError (exit 2); the dispatcher prints it.
 * Returning null means the command printed its own output (streaming commands).
 */
export interface CliCommand {
  name: string;
  usage: string;
  run(args: string[], ctx: CliContext): Promise<CliOutput | null>;
}

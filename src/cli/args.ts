import { parseArgs } from 'node:util';
import { UserError } from '../errors.ts';

/** The options a subcommand accepts: each takes a value (`--limit 5`) or is a flag. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean' }>;

/** What `parseCommandArgs` found: the positional arguments and the options given. */
export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

/**
 * Splits a subcommand's arguments into positionals and known options. An unknown option or a
 * missing option value is bad input: a UserError (exit 2) whose hint is the usage line.
 */
export function parseCommandArgs(args: string[], options: OptionSpec, usage: string): ParsedArgs {
  try {
    const { positionals, values } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { positionals, values: values as ParsedArgs['values'] };
  } catch (err) {
    const message = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    throw new UserError('bad_option', message.replace(/\. To specify a positional.*$/, '.'), { hint: `usage: ${usage}` });
  }
}

import { loadCatalog } from '../catalog/catalog-loader.ts';
import type { Catalog } from '../catalog/catalog.ts';
import { ConfigError, type Config } from '../config.ts';
import { UserError } from '../errors.ts';
import type { CliCommand, CliContext } from './command.ts';
import { writeFailure, writeOutput, type CliIo } from './output.ts';

/** What the dispatcher needs from its surroundings (the process in src/cli.ts, fakes in tests). */
export interface CliEnvironment {
  io: CliIo;
  /** Print stacks of internal errors (QUORUM_DEBUG=1). */
  debug: boolean;
  readStdin(): Promise<string>;
  /** Parses the configuration (from the environment, in src/cli.ts). Called at most once. */
  loadConfig(): Config;
  /** Loads the catalog; defaults to the shipped one. Called at most once. */
  loadCatalog?: () => Catalog;
}

function usage(commands: readonly CliCommand[]): string {
  return ['usage: npm run --silent quorum -- <subcommand> [args] [--json]', '', ...commands.map((c) => `  ${c.usage}`)].join('\n');
}

/** A wrong environment variable is the user's to fix: bad input (exit 2), not a bug. */
function configOf(env: CliEnvironment): Config {
  try {
    return env.loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) throw new UserError(err.code, err.message);
    throw err;
  }
}

/**
 * Runs one CLI invocation against the registered subcommands and returns the exit code:
 * 0 success, 2 bad input, 1 internal error. `--json` may appear anywhere among the arguments.
 */
export async function runCli(argv: readonly string[], commands: readonly CliCommand[], env: CliEnvironment): Promise<number> {
  const json = argv.includes('--json');
  const [name, ...args] = argv.filter((a) => a !== '--json');
  try {
    if (name === 'help' || name === '--help' || name === '-h') {
      env.io.stdout(json ? `${JSON.stringify({ usage: commands.map((c) => c.usage) })}\n` : `${usage(commands)}\n`);
      return 0;
    }
    const names = commands.map((c) => c.name).join(', ');
    if (name === undefined) throw new UserError('missing_subcommand', 'Give a subcommand.', { hint: usage(commands) });
    const command = commands.find((c) => c.name === name);
    if (!command) {
      const close = commands.filter((c) => c.name.startsWith(name.slice(0, 2).toLowerCase())).map((c) => c.name);
      throw new UserError('unknown_subcommand', `Unknown subcommand "${name}".`, {
        hint: `Subcommands: ${names}.`,
        ...(close.length > 0 ? { suggestions: close } : {}),
      });
    }
    let catalog: Catalog | undefined;
    let config: Config | undefined;
    const ctx: CliContext = {
      catalog: () => (catalog ??= (env.loadCatalog ?? loadCatalog)()),
      config: () => (config ??= configOf(env)),
      readStdin: env.readStdin,
      json,
      out: (line) => env.io.stdout(`${line}\n`),
    };
    const output = await command.run(args, ctx);
    if (output) writeOutput(output, json, env.io);
    return 0;
  } catch (err) {
    return writeFailure(err, json, env.io, env.debug);
  }
}

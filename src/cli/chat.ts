import { createQuorum } from '../bootstrap.ts';
import { startTerminal } from '../adapters/terminal/start-terminal.ts';
import { UserError } from '../errors.ts';
import type { CliCommand } from './command.ts';

/** Parses `--thread <id>` and `--user <id>`; anything else is bad input. */
function parseChatArgs(args: string[]): { thread: string; user: string } {
  const options = { thread: 'terminal', user: 'terminal-user' };
  for (let i = 0; i < args.length; i += 1) {
    const flag = args[i];
    const value = args[i + 1];
    if ((flag === '--thread' || flag === '--user') && value && !value.startsWith('--')) {
      options[flag === '--thread' ? 'thread' : 'user'] = value;
      i += 1;
    } else if (flag === '--thread' || flag === '--user') {
      throw new UserError('missing_value', `${flag} needs a value, e.g. ${flag} design-1`);
    } else {
      throw new UserError('unknown_option', `chat does not take '${flag}'`, {
        hint: 'usage: chat [--thread <id>] [--user <id>] [--json]',
      });
    }
  }
  return options;
}

/** `chat`: the conversation of every platform, in the terminal (one JSON line per turn with --json). */
export const chatCommand: CliCommand = {
  name: 'chat',
  usage: 'chat [--thread <id>] [--user <id>] [--json]',
  async run(args, ctx) {
    const { thread, user } = parseChatArgs(args);
    const quorum = await createQuorum(ctx.config());
    try {
      await startTerminal(quorum.core, {
        input: process.stdin,
        output: process.stdout,
        thread,
        user,
        json: ctx.json,
        filesDir: ctx.config().filesDir,
        interactive: Boolean(process.stdin.isTTY) && !ctx.json,
      });
    } finally {
      await quorum.close();
    }
    return null;
  },
};

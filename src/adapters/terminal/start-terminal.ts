import { createInterface } from 'node:readline';
import type { Core } from '../../dialog/door.ts';
import type { Reply } from '../../dialog/reply.ts';
import type { Turn } from '../../dialog/turn.ts';
import { renderText } from './render-text.ts';
import { writeReplyFile, type WrittenFile } from './write-files.ts';
import { defaultFilesDir } from '../../config.ts';

/** Writes a reply's file; a disk that refuses is said in the conversation rather than ending it. */
async function writeFiles(dir: string, file: NonNullable<Reply['file']>): Promise<WrittenFile[]> {
  try {
    return [await writeReplyFile(dir, file)];
  } catch (err) {
    process.stderr.write(`quorum: could not write ${file.name} under ${dir}: ${(err as Error).message}\n`);
    return [];
  }
}

/** Where the terminal conversation reads and writes, and who is talking. */
export interface TerminalOptions {
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  thread: string;
  user: string;
  /** One JSON line per turn (interface.md `chat --json`) instead of text. */
  json: boolean;
  /** Show a prompt and a greeting (stdin is a terminal). */
  interactive: boolean;
  /** Where attachments (diagrams, exports) are written (QUORUM_FILES); `./var/files` when unset. */
  filesDir?: string | undefined;
}

/** The JSON shape of one reply in `chat --json`. */
export function replyToJson(reply: Reply, files: WrittenFile[] = []): Record<string, unknown> {
  return {
    text: reply.text,
    ...(reply.choices?.length && { choices: reply.choices.map(({ label, value }) => ({ label, value })) }),
    ...(reply.assessment && { assessment: reply.assessment }),
    ...(reply.requirements && { requirements: reply.requirements }),
    ...(reply.design && { design: reply.design }),
    ...(reply.plan && { plan: reply.plan }),
    ...(reply.error && { error: reply.error }),
    ...(files.length > 0 && { files }),
  };
}

const greeting = [
  'Quorum — design distributed systems with the Distributed Systems Framework.',
  "Ask a question (\"what is CAP?\", \"show P5\"), type 'design' to start a guided design, or 'help'.",
  "Type '#2' to pick the second option of the last reply; Ctrl-D or 'quit' to leave.",
  '',
].join('\n');

/**
 * Runs the terminal conversation: every line is one turn for the core, every reply is
 * printed as text (or as one JSON line per turn). Resolves at end of input.
 */
export async function startTerminal(core: Core, options: TerminalOptions): Promise<void> {
  const { output } = options;
  const rl = createInterface({ input: options.input, terminal: false, crlfDelay: Infinity });
  let closed = false;
  // A reader that goes away (`| head`) ends the conversation quietly instead of crashing.
  output.on('error', () => {
    closed = true;
    rl.close();
  });
  const write = (text: string) => !closed && output.write(text.endsWith('\n') ? text : `${text}\n`);
  const prompt = () => options.interactive && !options.json && output.write('you> ');
  let lastChoices: Reply['choices'] = [];
  let turnNumber = 0;

  if (options.interactive && !options.json) write(greeting);
  prompt();
  for await (const rawLine of rl) {
    if (closed) break;
    const line = rawLine.trim();
    if (options.interactive && /^(quit|exit)$/i.test(line)) break;
    if (!line && !options.json) {
      prompt();
      continue;
    }
    turnNumber += 1;
    const turn: Turn = {
      platform: 'terminal',
      workspace: 'local',
      channel: 'terminal',
      thread: options.thread,
      user: options.user,
      // The terminal's one user runs this Quorum and owns its store.
      admin: true,
      text: line,
    };
    const pick = /^#(\d+)$/.exec(line);
    const choice = pick ? lastChoices?.[Number(pick[1]) - 1] : undefined;
    if (choice) {
      delete turn.text;
      turn.action = { value: choice.value };
    }
    const { replies } = await core.handle(turn);
    lastChoices = replies.flatMap((r) => r.choices ?? []);
    const files = await Promise.all(replies.map((r) => (r.file ? writeFiles(options.filesDir ?? defaultFilesDir, r.file) : [])));
    if (options.json) {
      write(JSON.stringify({ turn: turnNumber, replies: replies.map((r, i) => replyToJson(r, files[i])) }));
    } else {
      let firstChoice = 1;
      const blocks = replies.map((reply, i) => {
        const text = renderText(reply, { firstChoice });
        firstChoice += reply.choices?.length ?? 0;
        const wrote = files[i]!.map((f) => `Wrote ${f.name} to ${f.path}`);
        return [text, ...wrote].join('\n');
      });
      write(blocks.join('\n\n') + '\n');
      prompt();
    }
  }
  rl.close();
}

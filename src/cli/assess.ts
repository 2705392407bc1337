import { readFile } from 'node:fs/promises';
import { assessmentReply } from '../dialog/replies/assessment-reply.ts';
import { UserError } from '../errors.ts';
import { createAssessor } from '../rules/assessor.ts';
import { loadCosts } from '../rules/costs.ts';
import { parseRequirements } from '../rules/parse-requirements.ts';
import { parseCommandArgs } from './args.ts';
import type { CliCommand } from './command.ts';

const usage = 'assess <file.json | -> [--json]';

async function readInput(source: string, readStdin: () => Promise<string>): Promise<string> {
  if (source === '-') return readStdin();
  try {
    return await readFile(source, 'utf8');
  } catch (err) {
    throw new UserError('unreadable_file', `cannot read ${source}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, {
      hint: `usage: ${usage} (use - to read standard input)`,
    });
  }
}

/**
 * `assess <file.json | ->`: the requirements in, the assessment out (JSON: exactly interface.md's
 * "assess output"; human: the assessment card). A design that fails validation still exits 0.
 */
export const assessCommand: CliCommand = {
  name: 'assess',
  usage,
  async run(args, ctx) {
    const { positionals } = parseCommandArgs(args, {}, usage);
    if (positionals.length !== 1) {
      throw new UserError('bad_arguments', 'Give one requirements file, or - to read standard input.', { hint: `usage: ${usage}` });
    }
    const text = await readInput(positionals[0]!, ctx.readStdin);
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw new UserError('invalid_json', `the requirements are not valid JSON: ${(err as Error).message}`, {
        hint: 'for example: {"domain":"financial","writesPerSec":20000,"availability":0.9999}',
      });
    }
    const requirements = parseRequirements(raw);
    const assessor = await createAssessor({ catalog: ctx.catalog(), costs: loadCosts(ctx.config().costsFile) });
    const { assessment } = await assessor.assess(requirements);
    const reply = assessmentReply(assessment, requirements.name ? { title: `Assessment: ${requirements.name}` } : {});
    return { json: assessment, human: reply.text };
  },
};

import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatQuestions, expectTableMet, judgeShown } from '../helpers/question-table-runner.ts';
import { handedToRequirements, loadQuestionTable } from './question-table.ts';

const root = join(import.meta.dirname, '..', '..');
const table = chatQuestions();
/** The few descriptions a chat hands to the requirements reader, checked apart. */
const descriptions = loadQuestionTable().filter(handedToRequirements);

interface ChatLine {
  turn: number;
  replies: Array<{ text: string; kind?: string; choices?: Array<{ label: string; value: string }>; requirements?: unknown }>;
}

describe('the team-question table through chat --json', () => {
  it('hands at most a few statements that name several requirements to the requirements reader, which says what it read', () => {
    expect(descriptions.length).toBeLessThanOrEqual(3);
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', 'chat', '--json', '--thread', 'descriptions'], {
      cwd: root,
      input: `${descriptions.map((q) => q.text).join('\n')}\n`,
      encoding: 'utf8',
      env: { ...process.env, QUORUM_STORE: 'memory:' },
      timeout: 60_000,
    });
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ChatLine);
    for (const line of lines) expect(line.replies.some((r) => r.requirements !== undefined)).toBe(true);
  });

  it('answers every question first, with the right entries and numbers, in one process', () => {
    // One process reads every question as one turn per line; a memory store keeps nothing between runs.
    const run = spawnSync('node', ['--import', 'tsx', 'src/cli.ts', 'chat', '--json', '--thread', 'questions'], {
      cwd: root,
      input: `${table.map((q) => q.text).join('\n')}\n`,
      encoding: 'utf8',
      env: { ...process.env, QUORUM_STORE: 'memory:' },
      timeout: 60_000,
    });
    expect(run.status, run.stderr).toBe(0);
    const lines = run.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as ChatLine);
    expect(lines).toHaveLength(table.length);
    // chat --json has no reply kind; a clarifying question is a reply whose first sentence asks and offers choices.
    const verdicts = table.map((q, i) => {
      const reply = lines[i]!.replies[0]!;
      return judgeShown(q, { text: reply.text, choices: reply.choices ?? [] });
    });
    expectTableMet(table, verdicts);
  });
});

import { describe, expect, it } from 'vitest';
import { createAnswers, checkDesignFields } from '../../src/answers/answers.ts';
import { readQuestion } from '../../src/answers/read-question.ts';
import { buildCatalog } from '../../src/catalog/build-catalog.ts';
import { loadCatalog } from '../../src/catalog/catalog-loader.ts';
import { createSearch } from '../../src/catalog/search.ts';
import { shownIds } from './question-table.ts';

const catalog = loadCatalog();
const answers = createAnswers(catalog, createSearch(catalog));
const ledger = { title: 'ledger', requirements: { availability: 0.9999, exactlyOnce: false }, recommended: ['P2', 'leader-follower'] };

describe('reading the shape of a question', () => {
  it('splits a comparison into its two sides and what it is for', () => {
    expect(readQuestion('Saga or outbox for our order flow?')).toMatchObject({ kind: 'comparison', sides: ['saga', 'outbox'], context: 'for our order flow' });
    expect(readQuestion("what's the difference between CQRS and event sourcing?")).toMatchObject({ kind: 'comparison', sides: ['cqrs', 'event sourcing'] });
  });

  it('reads definitions, problems, yes/no questions and symptoms by their wording', () => {
    expect(readQuestion('what is a bloom filter used for?')).toMatchObject({ kind: 'definition', subject: 'bloom filter' });
    expect(readQuestion('how do we publish an event only if the commit succeeded?').kind).toBe('problem');
    expect(readQuestion('we need to publish an event whenever an order is saved').kind).toBe('problem');
    expect(readQuestion('should we use 2PC across services?')).toMatchObject({ kind: 'yesno', subject: '2pc across services' });
    expect(readQuestion('our p99 is terrible since the fan-out').kind).toBe('symptom');
  });

  it('reads a statement that tells what happened as a symptom, whatever word it opens with', () => {
    expect(readQuestion('an old feature flag got reused and switched on dead code in production').kind).toBe('symptom');
    expect(readQuestion('two nodes were elected leader at the same time').kind).toBe('symptom');
    // A question about what happened is still read by its question shape; a need stays a problem.
    expect(readQuestion('what was the cap theorem about?').kind).toBe('definition');
    expect(readQuestion('we need to know when a job was retried').kind).toBe('problem');
  });

  it('says whether the text is phrased as a question', () => {
    expect(readQuestion('what is CAP?').questionShaped).toBe(true);
    expect(readQuestion('a payments ledger, 3k writes a second, four nines').questionShaped).toBe(false);
  });
});

describe('answers', () => {
  it('answers a problem with the mechanism, why it fits and the pitfall it avoids', () => {
    const reply = answers.reply('how do we stop double charges when a client retries?');
    expect(reply.kind).toBe('answer');
    expect(reply.text.startsWith('Use Idempotency (P7): give each request an idempotency key')).toBe(true);
    expect(reply.fields?.map((f) => f.label)).toEqual(expect.arrayContaining(['Why', 'Mechanism', 'It avoids']));
    expect(shownIds(reply).slice(0, 2)).toEqual(['P7', 'retry-without-idempotency']);
  });

  it('compares two entries side by side with when each fits, what each costs and the deciding question', () => {
    const reply = answers.reply('saga or outbox for our order flow?');
    expect(reply.fields?.map((f) => f.label)).toEqual(['Saga: when it fits', 'Outbox: when it fits', 'Saga: cost', 'Outbox: cost', 'Deciding question']);
    expect(shownIds(reply)).toEqual(['saga', 'outbox']);
  });

  it('never leads a comparison with the side that is a known pitfall', () => {
    expect(shownIds(answers.reply('2PC or saga for payments across services?'))[0]).toBe('saga');
    expect(shownIds(answers.reply('escrow or a global lock for ticket inventory?'))[0]).toBe('escrow');
  });

  it('says no to a pitfall, when yes would be right, and what to use instead', () => {
    const reply = answers.reply('should we use 2PC across services?');
    expect(reply.text).toMatch(/^No: /);
    expect(reply.text).toMatch(/Use Saga instead\./);
    expect(reply.fields?.map((f) => f.label)).toEqual(expect.arrayContaining(['Instead', 'Yes only when']));
  });

  it('decides an even consensus group with the quorum model', () => {
    const reply = answers.reply('can we run a 4-node etcd cluster?');
    expect(reply.text).toMatch(/^No: 4 voters need 3 for a majority and tolerate 1 failure/);
    expect(reply.formulas?.[0]).toMatch(/4/);
  });

  it('names the likely causes of a symptom and the first thing to check', () => {
    const reply = answers.reply('the database falls over every time a popular cache key expires');
    expect(reply.text).toMatch(/^This looks like Cache stampede/);
    expect(reply.fields?.find((f) => f.label === 'First thing to check')?.value).toMatch(/hot key/);
  });

  it('shows the formula and the assumptions of a sizing answer', () => {
    const reply = answers.reply('how many replicas for 99.99% with nodes at 99.5%?');
    expect(reply.text.startsWith('2 replicas')).toBe(true);
    expect(reply.formulas).toEqual(['1 − (1 − 0.995)^2 = 0.999975; downtime = (1 − 0.999975) × 525600 = 13.14 min/year']);
    expect(reply.fields?.map((f) => f.label)).toEqual(['Formula', 'Assumptions']);
  });

  it('asks one clarifying question with choices instead of shrugging', () => {
    const reply = answers.reply('thoughts?');
    expect(reply.kind).toBe('question');
    expect(reply.choices?.length).toBeGreaterThanOrEqual(3);
    expect(reply.text).not.toMatch(/not sure/);
  });
});

describe('answers in a design thread', () => {
  it('says what the answer means for the design and offers the change as a what-if', () => {
    const reply = answers.reply('how do we stop double charges when a client retries?', ledger);
    expect(reply.summary?.split('\n')[1]).toMatch(/^For your ledger: exactlyOnce is no; setting exactlyOnce = yes/);
    expect(reply.choices?.[0]).toEqual({ label: 'What if exactlyOnce = yes?', value: 'set exactlyOnce true' });
    expect(shownIds(reply)[0]).toBe('P7');
  });

  it('offers a sizing figure as the what-if', () => {
    const reply = answers.reply('how many replicas for 99.99% with nodes at 99.5%?', ledger);
    expect(reply.choices?.[0]).toEqual({ label: 'What if replicas = 2?', value: 'set replicas 2' });
  });

  it('offers to add a pattern that no requirement brings in', () => {
    const reply = answers.reply('how do we recover fast after a crash without replaying the whole log?', ledger);
    expect(reply.choices?.[0]).toEqual({ label: 'What if we add checkpoint?', value: 'add checkpoint' });
  });

  it('says when the entry is already in the design and offers why', () => {
    const reply = answers.reply('what is leader-follower?', { ...ledger, recommended: ['leader-follower'] });
    expect(reply.summary).toMatch(/For your ledger: Leader-Follower is already in the design\./);
    expect(reply.choices?.[0]).toEqual({ label: 'Why leader-follower?', value: 'why leader-follower' });
  });
});

describe('the what-if data', () => {
  it('accepts every design field of the real problem words', () => {
    expect(checkDesignFields(catalog)).toEqual([]);
  });

  it('rejects a design field that is no requirement or a value set would not read back', () => {
    const words = catalog.entries.flatMap((e) => {
      const w = catalog.problemWords(e.id);
      if (!w) return [];
      if (e.id === 'P7') return [{ ...w, designField: { field: 'exactlyTwice', value: true } }];
      if (e.id === 'P9') return [{ ...w, designField: { field: 'replicas', value: 'many' } }];
      return [w];
    });
    const problems = checkDesignFields(buildCatalog(catalog.entries, words));
    expect(problems).toHaveLength(2);
    expect(problems[0]).toBe('problems.json: P7: designField names "exactlyTwice", which is not a requirement');
    expect(problems[1]).toMatch(/^problems\.json: P9: replicas does not accept "many"/);
    expect(() => createAnswers(buildCatalog(catalog.entries, words), createSearch(catalog))).toThrow(/exactlyTwice/);
  });
});

/**
 * A person designing a checkout service who answers whichever interview question Quorum asks, in
 * whatever order it asks them (the interview ranks its questions, so the order is Quorum's to change).
 * The bench drives every interview with it, and a reference run through the core alone does too.
 */

/** What the person says to each question, found by the question's wording (data/interview.json). */
const answers: ReadonlyArray<readonly [RegExp, string]> = [
  [/What are you building/, 'checkout service'],
  [/Which domain/, 'e-commerce'],
  [/How fresh must a read be/, 'let the domain decide'],
  [/How stale may a read be/, '5 s'],
  [/writes per second/, '2k'],
  [/reads per second/, '40k'],
  [/peak/, '3x'],
  [/How much data/, '200 GB'],
  [/availability target/, '99.99%'],
  [/budget for a read/, '100ms'],
  [/budget for a write/, '300ms'],
  [/How many regions/, '1'],
  [/\(RPO\)/, '0 s'],
  [/\(RTO\)/, '1 min'],
  [/ordering do events need/, 'per key'],
  // The three "which of these apply" questions share their wording; one answer names the flags of all three.
  [/Which of these apply/, 'audit trail, exactly once, publishes events'],
  [/kinds of query/, '20'],
  [/monthly infrastructure budget/, '$20k'],
];

/** The most turns one interview takes before the person stops answering (a guard against a loop). */
export const maxAnswers = 25;

/**
 * The person's answer when `said` (the text of Quorum's last message) asks an interview question,
 * or undefined when it asks none: the interview is over. A question they have no answer for is skipped.
 */
export function answerTo(said: string): string | undefined {
  if (!/Question \d+ of \d+/.test(said)) return undefined;
  return answers.find(([asks]) => asks.test(said))?.[1] ?? 'skip';
}

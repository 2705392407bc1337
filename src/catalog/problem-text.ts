/**
 * Words of sentences, for ranking entries against a question: lowercase, split on anything that is
 * not a letter or digit, folded to a rough stem ("retries", "retried", "retrying" → "retri"), with the
 * glue words of questions dropped. Index and queries go through the same function.
 */

/** Words that tell how something is asked, not what it is about. */
const glue = new Set(
  (
    'a an the and or but if of to in on at by for from with into onto over as is are was were be been being am do does did ' +
    'done doing have has had having we our us ours you your i me my it its this that these those there here they them their ' +
    'what whats which who whom whose why how when where can could should would will shall may might must need needs ' +
    'want wants wanting please just really also so than then too very any some each every all much many more most ' +
    'get gets got getting make makes made use using used one thing things way ok okay about like tell explain ' +
    'difference between vs versus thoughts think anyone someone help eli5 mean means meaning define definition'
  ).split(' '),
);

/** Folds one lowercase word to its stem: plural, -ing and -ed forms meet their base form. */
export function foldWord(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  if (w.length > 3 && /([b-df-hj-km-np-rtv-z])\1$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('y')) w = `${w.slice(0, -1)}i`;
  return w;
}

/** Every word of `text`, folded, in order (glue words included). */
export function allTerms(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/['’`]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '')
    .map(foldWord);
}

const foldedGlue = new Set([...glue].map(foldWord));

/** The words of `text` that say what it is about: folded, without glue words and bare numbers. */
export function terms(text: string): string[] {
  return allTerms(text).filter((w) => !foldedGlue.has(w) && !/^\d+$/.test(w));
}

/**
 * Splits text into pieces of at most `max` characters, preferring line breaks, then spaces, and
 * cutting mid-word only when a single word is longer than `max`. Pieces are never empty.
 */
export function splitText(text: string, max: number): string[] {
  const pieces: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const window = rest.slice(0, max + 1);
    let cut = window.lastIndexOf('\n');
    if (cut < max / 2) cut = window.lastIndexOf(' ');
    if (cut < max / 2) cut = max;
    // Never leave a Markdown escape backslash dangling at the end of a piece.
    if (rest[cut - 1] === '\\') cut -= 1;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) pieces.push(rest);
  return pieces;
}

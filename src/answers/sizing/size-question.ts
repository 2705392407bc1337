import { availabilitySizers } from './availability-sizers.ts';
import { capacitySizers } from './capacity-sizers.ts';
import { readFigures } from './figures.ts';
import { networkSizers } from './network-sizers.ts';
import type { Places } from './places.ts';
import type { DesignFigures, SizingAnswer, Sizer } from './sizing-answer.ts';

/** Every sizer, in the order they are tried: the ones that need the most specific figures first. */
export const sizers: readonly Sizer[] = [...networkSizers, ...capacitySizers, ...availabilitySizers];

/**
 * Answers a sizing question with the first model whose figures it states (in a design thread, with the
 * design's requirements for the numbers it leaves out; the question's own numbers win), or undefined.
 */
export function sizeQuestion(text: string, places: Places, design?: DesignFigures): SizingAnswer | undefined {
  const figures = readFigures(text);
  for (const sizer of sizers) {
    const answer = sizer.size(figures, places, design);
    if (answer) return answer;
  }
  return undefined;
}

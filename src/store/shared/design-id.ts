import { randomBytes } from 'node:crypto';

const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A new short design id: "d-" and 8 random base36 characters (about 2.8e12 possibilities). */
export function newDesignId(): string {
  let id = '';
  while (id.length < 8) {
    for (const byte of randomBytes(16)) {
      // 252 = 7 × 36: dropping 252..255 keeps every character equally likely.
      if (byte < 252 && id.length < 8) id += alphabet[byte % 36];
    }
  }
  return `d-${id}`;
}

import { DataFile } from 'lowdb/node';

/**
 * A lowdb adapter that writes compact JSON (lowdb's JSONFile indents by two spaces, which makes
 * the files, and the strings built to write them, much larger). Pretty files written before still
 * load, since both are plain JSON. Writes stay atomic: steno's temp file + rename.
 */
export class CompactJsonFile<T> extends DataFile<T> {
  readonly #measured: { length: number };

  constructor(filename: string) {
    const measured = { length: 0 };
    super(filename, {
      parse: (text) => {
        measured.length = text.length;
        return JSON.parse(text) as T;
      },
      stringify: (data) => {
        const text = JSON.stringify(data);
        measured.length = text.length;
        return text;
      },
    });
    this.#measured = measured;
  }

  /** Characters of the text last read or written: how much the file holds. */
  get textLength(): number {
    return this.#measured.length;
  }
}

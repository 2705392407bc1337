import { UserError } from '../../errors.ts';

/**
 * A store file that Quorum cannot read (not JSON, or not the shape Quorum writes).
 * Quorum never rewrites such a file; the operator fixes it or moves it aside.
 */
export class StoreCorruptError extends UserError {
  readonly file: string;

  constructor(file: string, problem: string) {
    super('store_corrupt', `The store file ${file} ${problem}. Quorum has not changed it. Fix it or move it aside, then retry.`, {
      hint: 'Other channels keep working; only conversations kept in this file are affected.',
    });
    this.name = 'StoreCorruptError';
    this.file = file;
  }
}

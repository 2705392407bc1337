import { OperatorFault } from '../../errors.ts';

/**
 * A store file that Quorum cannot read (not JSON, or not the shape Quorum writes): an operator fault.
 * Quorum never rewrites such a file; the operator fixes it or moves it aside. The message names the
 * file for the log; chat users are told only that saved designs cannot be read right now.
 */
export class StoreCorruptError extends OperatorFault {
  readonly file: string;

  constructor(file: string, problem: string) {
    super('store_corrupt', `The store file ${file} ${problem}. Quorum has not changed it. Fix it or move it aside, then retry.`, { where: file });
    this.name = 'StoreCorruptError';
    this.file = file;
  }
}

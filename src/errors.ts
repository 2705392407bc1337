/**
 * Every code a UserError (or a user-facing error reply) may carry: the one typed list. A new kind of
 * mistake a person can make gets a code here, next to its siblings, so scripts can rely on the set.
 */
export const userErrorCodes = [
  // Chat commands and their arguments
  'bad_command', 'bad_argument', 'bad_arguments', 'bad_value', 'bad_kind', 'bad_owner', 'bad_requirements', 'bad_turn',
  'empty', 'empty_query', 'too_long', 'unknown_field', 'unknown_id', 'unknown_item', 'unknown_version', 'unrecognized_answer',
  'nothing_read', 'nothing_to_assess', 'not_interviewing', 'interview_changed', 'no_design', 'design_not_found', 'design_name_taken', 'unsaved_answers',
  'not_editable', 'check_is_computed', 'obligation_not_accepted', 'not_admin', 'stale_confirmation',
  // The CLI and its input
  'bad_input', 'bad_option', 'invalid_json', 'missing_subcommand', 'missing_value', 'unknown_input', 'unknown_model',
  'unknown_option', 'unknown_path', 'unknown_subcommand', 'unreadable_file',
  // Configuration an operator gives at start-up (shown to the operator, who can fix it)
  'bad_config', 'bad_costs', 'store_url_invalid', 'store_unreachable', 'store_too_new', 'store_locked',
] as const;
export type UserErrorCode = (typeof userErrorCodes)[number];

/**
 * An error the user caused and can fix: it carries a stable `code` from the typed list, a message
 * that says what to do, and optional hint and suggestions. Anything that is not a UserError is a fault.
 */
export class UserError extends Error {
  readonly code: UserErrorCode;
  readonly hint: string | undefined;
  readonly suggestions: string[] | undefined;

  constructor(code: UserErrorCode, message: string, options: { hint?: string; suggestions?: string[] } = {}) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.hint = options.hint;
    this.suggestions = options.suggestions;
  }

  /** The `{"error":{...}}` body of interface.md. */
  toJSON(): { code: string; message: string; hint?: string; suggestions?: string[] } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.suggestions ? { suggestions: this.suggestions } : {}),
    };
  }
}

/** True when `err` is a user-facing error rather than a fault. */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

/** The kinds of operator fault: something the person chatting cannot fix and must never be shown in detail. */
export type FaultKind = 'store_corrupt' | 'store_unavailable' | 'too_slow';

/**
 * An operator fault: a corrupt or unreadable store, a database that does not answer. Its message names
 * the file, table or host for the operator's log; the core logs it in full and tells the person only
 * that saved designs cannot be read right now.
 */
export class OperatorFault extends Error {
  readonly code: FaultKind;
  /** Where it happened (a file path, a table), for the log. */
  readonly where: string | undefined;

  constructor(code: FaultKind, message: string, options: { where?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'OperatorFault';
    this.code = code;
    this.where = options.where;
  }
}

/** True when `err` is an operator fault (the store, not the person, is at fault). */
export function isOperatorFault(err: unknown): err is OperatorFault {
  return err instanceof OperatorFault;
}

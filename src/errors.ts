/**
 * An error the user caused and can fix: it carries a stable `code`, a message that says
 * what to do, and optional hint and suggestions. Anything that is not a UserError is a bug.
 */
export class UserError extends Error {
  readonly code: string;
  readonly hint: string | undefined;
  readonly suggestions: string[] | undefined;

  constructor(code: string, message: string, options: { hint?: string; suggestions?: string[] } = {}) {
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

/** True when `err` is a user-facing error rather than a bug. */
export function isUserError(err: unknown): err is UserError {
  return err instanceof UserError;
}

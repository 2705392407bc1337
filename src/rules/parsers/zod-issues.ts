import type { z } from 'zod';

/**
 * Turns one zod issue into a sentence about `label` that says what is allowed, e.g.
 * "replicas must be at most 100". Schema messages that already read "must …" are kept.
 */
export function describeIssue(issue: z.core.$ZodIssue, label: string): string {
  if (issue.message.startsWith('must')) return `${label} ${issue.message}`;
  switch (issue.code) {
    case 'too_big':
      if (issue.origin === 'string') return `${label} must be at most ${String(issue.maximum)} characters`;
      return issue.origin === 'array'
        ? `${label} can have at most ${String(issue.maximum)} items`
        : `${label} must be ${issue.inclusive ? 'at most' : 'below'} ${String(issue.maximum)}`;
    case 'too_small':
      if (issue.origin === 'string') return `${label} cannot be empty`;
      return issue.origin === 'array'
        ? `${label} needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? '' : 's'}`
        : `${label} must be ${issue.inclusive ? 'at least' : 'greater than'} ${String(issue.minimum)}`;
    case 'invalid_type':
      if (issue.message.endsWith('received undefined')) return `${label} is missing`;
      if (issue.expected === 'int') return `${label} must be a whole number`;
      return `${label} must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}`;
    case 'invalid_value':
      return `${label} must be one of ${issue.values.map(String).join(', ')}`;
    case 'unrecognized_keys':
      return `unknown ${issue.keys.length === 1 ? 'input' : 'inputs'} ${issue.keys.join(', ')}`;
    default:
      return `${label}: ${issue.message}`;
  }
}

/** The dotted path of an issue, or `fallback` for an issue about the whole object. */
export function issuePath(issue: z.core.$ZodIssue, fallback: string): string {
  return issue.path.length > 0 ? issue.path.map(String).join('.') : fallback;
}

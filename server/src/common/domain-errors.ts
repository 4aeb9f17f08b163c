import type { ApiProblem } from '@muster/contracts';

/**
 * What went wrong, in the domain's words. Services throw these rather than HTTP exceptions: the
 * HTTP filter turns each into the answer the API has always given (404, 409, 403, 400 naming the
 * field, 401, 413, 503), and the job worker knows them for permanent failures that a retry cannot mend.
 * `message` is one text or, for invalid input, a list of `field: problem` texts.
 */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 503;
  readonly messages: string | string[];
  /** The messages that carry a stable code, which the console words in its own language. */
  readonly problems: ApiProblem[];

  constructor(messages: Problem | Problem[]) {
    const list = Array.isArray(messages) ? messages : [messages];
    const texts = list.map((m) => (typeof m === 'string' ? m : m.message));
    super(texts.join('; '));
    this.name = new.target.name;
    this.messages = Array.isArray(messages) ? texts : texts[0]!;
    this.problems = list.filter((m) => typeof m !== 'string').map(withField);
  }
}

/**
 * A message, or a message with a stable `code` (and its `params`) for clients that word it
 * themselves; `message` stays as it is for those that show it. Field problems keep the
 * `field: problem` form, and the field is read from it.
 */
export type Problem = string | { message: string; code: string; params?: ApiProblem['params'] };

export function problem(code: string, message: string, params?: ApiProblem['params']): Problem {
  return params ? { code, message, params } : { code, message };
}

/** A field problem names its field first (`contactIds: …`, `location.lat: …`). */
const FIELD = /^([A-Za-z_][\w.]*): /;

function withField(p: Exclude<Problem, string>): ApiProblem {
  const field = FIELD.exec(p.message)?.[1];
  return { ...p, ...(field ? { field } : {}) };
}

/** The record does not exist, or is outside the caller's scope (which must not be told apart). */
export class NotFoundError extends DomainError {
  readonly status = 404;
}

/** The request clashes with the record's state (already done, taken, in use). */
export class ConflictError extends DomainError {
  readonly status = 409;
}

/** The caller may see the record but not do this to it. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** The input breaks a rule: each message names the field by its path, `field: problem`. */
export class InvalidError extends DomainError {
  readonly status = 400;
}

/** Who the caller claims to be does not hold (bad credentials, a revoked token). */
export class UnauthenticatedError extends DomainError {
  readonly status = 401;
}

/** The input is larger than the domain accepts. */
export class TooLargeError extends DomainError {
  readonly status = 413;
}

/**
 * Something the request needs is missing from this installation (a font, a tool): the request
 * was right and works once an operator installs it.
 */
export class UnavailableError extends DomainError {
  readonly status = 503;
}

const BY_STATUS = {
  400: InvalidError,
  401: UnauthenticatedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  413: TooLargeError,
} as const;

/** The domain error for a status a pure rule decided (e.g. a workflow's refusal). */
export function domainError(status: keyof typeof BY_STATUS, messages: Problem | Problem[]): DomainError {
  return new BY_STATUS[status](messages);
}

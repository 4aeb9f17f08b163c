/**
 * What went wrong, in the domain's words. Services throw these rather than HTTP exceptions: the
 * HTTP filter turns each into the answer the API has always given (404, 409, 403, 400 naming the
 * field, 401, 413), and the job worker knows them for permanent failures that a retry cannot mend.
 * `message` is one text or, for invalid input, a list of `field: problem` texts.
 */
export abstract class DomainError extends Error {
  abstract readonly status: 400 | 401 | 403 | 404 | 409 | 413;

  constructor(readonly messages: string | string[]) {
    super(Array.isArray(messages) ? messages.join('; ') : messages);
    this.name = new.target.name;
  }
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

const BY_STATUS = {
  400: InvalidError,
  401: UnauthenticatedError,
  403: ForbiddenError,
  404: NotFoundError,
  409: ConflictError,
  413: TooLargeError,
} as const;

/** The domain error for a status a pure rule decided (e.g. a workflow's refusal). */
export function domainError(status: keyof typeof BY_STATUS, messages: string | string[]): DomainError {
  return new BY_STATUS[status](messages);
}

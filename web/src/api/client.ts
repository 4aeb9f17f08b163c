import type { ApiError, ApiProblem } from '../contracts';
import { currentLanguage } from '../i18n';
import { sessionStore } from './session';

/**
 * An error answered by the API (`{ statusCode, message, error }`) or a failure to reach it
 * (`status` 0). `messages` is always a list: a 400 names each bad field in its own message.
 * `problems` are the messages the server also gave a code, for the console to word.
 */
export class ApiRequestError extends Error {
  readonly status: number;
  readonly messages: string[];
  readonly errorId: string | undefined;
  readonly problems: ApiProblem[];

  constructor(status: number, messages: string[], errorId?: string, problems: ApiProblem[] = []) {
    super(messages.join('; ') || `HTTP ${status}`);
    this.name = 'ApiRequestError';
    this.status = status;
    this.messages = messages;
    this.errorId = errorId;
    this.problems = problems;
  }

  /** The coded problem a message is, if the server gave it a code. */
  problemOf(message: string): ApiProblem | undefined {
    return this.problems.find((p) => p.message === message);
  }

  get isNetworkError(): boolean {
    return this.status === 0;
  }
}

export type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** Public routes (login, public config) are called without the bearer token. */
  anonymous?: boolean;
}

/** Builds `path?query`, leaving out empty filters so the server applies its own defaults. */
export function buildUrl(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

function isApiError(body: unknown): body is ApiError {
  return typeof body === 'object' && body !== null && 'statusCode' in body && 'message' in body;
}

async function toError(response: Response): Promise<ApiRequestError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // A proxy or gateway error page is not JSON; the status text is all there is.
  }
  if (isApiError(body)) {
    const messages = Array.isArray(body.message) ? body.message : [body.message];
    return new ApiRequestError(
      response.status,
      messages.filter(Boolean),
      body.errorId,
      Array.isArray(body.problems) ? body.problems : [],
    );
  }
  return new ApiRequestError(response.status, response.statusText ? [response.statusText] : []);
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  // The server writes records (a drill report's timeline) in the console's language.
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': currentLanguage(),
  };
  const session = options.anonymous ? null : sessionStore.get();
  if (session) headers.Authorization = `Bearer ${session.token}`;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';

  let response: Response;
  try {
    response = await fetch(buildUrl(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiRequestError(0, []);
  }

  if (!response.ok) {
    // A 401 on an authenticated call means the token expired or was revoked: end the session,
    // and the route guard sends the user to the login page. (A 401 from the login form itself
    // is just wrong credentials and is shown there.)
    if (response.status === 401 && session) sessionStore.end('expired');
    throw await toError(response);
  }
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}

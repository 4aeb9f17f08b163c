/** Errors the REST API answers in Twilio's shape (`{ code, message, more_info, status }`). */

export class RestError extends Error {
  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export function notFound(path = ''): RestError {
  return new RestError(404, 20404, `The requested resource ${path} was not found`);
}

/** A URL parameter (`StatusCallback`, `Url`): null when absent, else an http(s) URL or error `code`. */
export function validateUrl(url: string | undefined, code: number, name: string): string | null {
  if (url === undefined || url === '') return null;
  try {
    const u = new URL(url);
    if (u.protocol === 'http:' || u.protocol === 'https:') return url;
  } catch {
    // fall through
  }
  throw new RestError(400, code, `The ${name} URL ${url} is not a valid URL.`);
}

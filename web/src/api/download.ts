import type { ApiProblem } from '../contracts';
import { ApiRequestError } from './client';
import { sessionStore } from './session';

/** A GET with the session's token whose failure is an ApiRequestError with its coded problems. */
export async function fetchWithSession(path: string): Promise<Response> {
  const token = sessionStore.get()?.token;
  let response: Response;
  try {
    response = await fetch(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new ApiRequestError(0, []);
  }
  if (!response.ok) {
    if (response.status === 401 && token) sessionStore.end('expired');
    let messages: string[];
    let problems: ApiProblem[] = [];
    try {
      const body = (await response.json()) as { message?: string | string[]; problems?: ApiProblem[] };
      messages = Array.isArray(body.message) ? body.message : body.message ? [body.message] : [];
      // Coded problems are worded in the console's language (a missing report font, say).
      problems = body.problems ?? [];
    } catch {
      messages = response.statusText ? [response.statusText] : [];
    }
    throw new ApiRequestError(response.status, messages, undefined, problems);
  }
  return response;
}

/** Downloads a file under the name the server gives it (`filename*`), else `fallbackName`. */
export async function downloadFile(path: string, fallbackName: string) {
  const response = await fetchWithSession(path);
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const match = /filename\*=UTF-8''([^;]+)/.exec(disposition);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = match ? decodeURIComponent(match[1]!) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

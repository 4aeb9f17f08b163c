import { HttpException, HttpStatus } from '@nestjs/common';
import type { ApiProblem } from '@muster/contracts';

/**
 * A 429 whose `retryAfter` also becomes the Retry-After header (HttpExceptionFilter); the problem's
 * code and seconds let the console say it in its own language.
 */
export function tooManyAttempts(code: string, message: string, seconds: number): HttpException {
  const problems: ApiProblem[] = [{ message, code, params: { seconds } }];
  return new HttpException(
    { statusCode: 429, message, error: 'Too Many Requests', retryAfter: seconds, problems },
    HttpStatus.TOO_MANY_REQUESTS,
  );
}

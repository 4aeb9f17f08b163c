import { applyDecorators } from '@nestjs/common';
import {
  ApiExtraModels,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { ApiError } from '@muster/contracts';

/** The body of every error answer (`ApiError` of `@muster/contracts`), as the OpenAPI document shows it. */
export class ApiErrorDto implements ApiError {
  @ApiProperty({ example: 404 })
  statusCode: number;

  @ApiProperty({
    oneOf: [{ type: 'string' }, { type: 'array', items: { type: 'string' } }],
    description: 'What went wrong; for invalid input, one "field: problem" line per problem',
    example: 'Incident not found',
  })
  message: string | string[];

  @ApiProperty({ example: 'Not Found' })
  error: string;

  @ApiPropertyOptional({ description: 'On a 500 only: the id of the log entry that says more' })
  errorId?: string;
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

const MEANING: Record<ErrorStatus, string> = {
  400: 'Invalid input: `message` names each field and its problem',
  401: 'No valid bearer token (missing, expired or revoked): sign in again',
  403: "The caller's role may not do this, or the record is not the caller's to change",
  404: "Not found, or outside the caller's enterprise",
  409: 'Conflicts with the current state: a status that does not allow it, a duplicate, a record in use',
  413: 'The body or file is larger than the limit',
  429: 'Too many attempts: retry after the Retry-After header',
  503: 'Something this installation lacks (`message` names it); the same request works once an operator installs it',
};

/**
 * A route's one-line summary and the error answers it can give, each with the `ApiError` body,
 * so that an integrator can work from /api/docs alone.
 */
export function ApiDoc(summary: string, ...errors: ErrorStatus[]): MethodDecorator {
  return applyDecorators(
    ApiOperation({ summary }),
    ApiExtraModels(ApiErrorDto),
    // JSON whatever the route produces when it succeeds (a CSV or XLSX export's errors too).
    ...errors.map((status) =>
      ApiResponse({
        status,
        description: MEANING[status],
        content: { 'application/json': { schema: { $ref: getSchemaPath(ApiErrorDto) } } },
      }),
    ),
  );
}

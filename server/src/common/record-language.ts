import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { recordLanguage } from '@muster/contracts';

/**
 * The language a record rendered on the server is written in: the request's first
 * `Accept-Language` choice (the console sends its own), Chinese unless that is English.
 */
export const RecordLang = createParamDecorator((_data: unknown, ctx: ExecutionContext) =>
  recordLanguage(ctx.switchToHttp().getRequest<Request>().headers['accept-language']),
);

import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { Request } from 'express';
import { IngestKeyService } from './ingest-key.service.js';

export type IngestRequest = Request & { ingestEnterpriseId?: string };

/**
 * The HTTP batch endpoint's authentication, run before the body is validated: a wrong key is a
 * 401 whatever the body, and only a caller with a key learns what is wrong with its body.
 */
@Injectable()
export class IngestKeyGuard implements CanActivate {
  constructor(private readonly keys: IngestKeyService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<IngestRequest>();
    req.ingestEnterpriseId = await this.keys.enterpriseOf(req.headers['x-ingest-key']);
    return true;
  }
}

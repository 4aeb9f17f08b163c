import { type CallHandler, type ExecutionContext, Injectable, type NestInterceptor } from '@nestjs/common';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { type Principal, RequestContext } from './request-context.js';

export type ContextRequest = Request & { id?: string; principal?: Principal };

/**
 * Runs each HTTP handler inside its request context. An interceptor rather than a middleware:
 * it runs after the body parser and the access guard, whose stream callbacks would otherwise
 * lose the async context, and after the guard has identified the caller.
 */
@Injectable()
export class RequestContextInterceptor implements NestInterceptor {
  constructor(private readonly context: RequestContext) {}

  intercept(ctx: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (ctx.getType() !== 'http') return next.handle();
    const req = ctx.switchToHttp().getRequest<ContextRequest>();
    const store = { requestId: req.id, ip: req.ip, principal: req.principal };
    return new Observable((subscriber) => this.context.run(store, () => next.handle().subscribe(subscriber)));
  }
}

import {
  type CanActivate,
  createParamDecorator,
  type ExecutionContext,
  Inject,
  Injectable,
  Logger,
} from '@nestjs/common';
import type { Request } from 'express';
import { ForbiddenError } from '../common/domain-errors.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { PROVIDER_WEBHOOKS, type ProviderWebhooks, type WebhookParams } from './provider.js';

const paramsOf = (req: Request): WebhookParams => (req.body ?? {}) as WebhookParams;

/**
 * The one check of every provider webhook: the request must carry a valid signature for the URL
 * it was sent to, else it is a 403 and changes nothing. The URL the provider signed is the public
 * one it was given, plus the path and query it called.
 */
@Injectable()
export class WebhookSignatureGuard implements CanActivate {
  private readonly logger = new Logger('WebhookSignature');

  constructor(
    @Inject(PROVIDER_WEBHOOKS) private readonly webhooks: ProviderWebhooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const req = context.switchToHttp().getRequest<Request>();
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${req.originalUrl}`;
    if (!this.webhooks.validSignature(url, paramsOf(req), req.header(this.webhooks.signatureHeader))) {
      this.logger.warn({ url }, 'webhook with a missing or wrong signature refused');
      throw new ForbiddenError(`Invalid ${this.webhooks.signatureHeader}`);
    }
    return true;
  }
}

/** The form parameters of a webhook request (the guard has checked their signature). */
export const WebhookForm = createParamDecorator((_: unknown, context: ExecutionContext): WebhookParams =>
  paramsOf(context.switchToHttp().getRequest<Request>()),
);

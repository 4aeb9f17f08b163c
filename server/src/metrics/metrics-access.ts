import {
  type CanActivate,
  type ExecutionContext,
  Inject,
  Injectable,
  NotFoundException,
  UnauthorizedException,
} from '@nestjs/common';
import type { Request, Response } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { APP_CONFIG, type AppConfig } from '../config/config.js';

type MetricsConfig = Pick<AppConfig, 'NODE_ENV' | 'METRICS_TOKEN' | 'METRICS_PORT'>;

/**
 * Whether /metrics is served on the application's own port: not when it has a port of its own,
 * and not in production unless a token protects it. Open metrics tell anyone the routes, the
 * traffic and the memory of the process, and each scrape costs CPU; in development and tests
 * they stay open, as they always were.
 */
export function metricsOnMainPort(config: MetricsConfig): boolean {
  if (config.METRICS_PORT !== undefined) return false;
  return config.METRICS_TOKEN !== undefined || config.NODE_ENV !== 'production';
}

/** With METRICS_TOKEN, whether the Authorization header carries it (compared in constant time). */
export function hasMetricsToken(config: MetricsConfig, authorization: string | undefined): boolean {
  if (config.METRICS_TOKEN === undefined) return true;
  const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1] ?? '';
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(given), digest(config.METRICS_TOKEN));
}

/** The /metrics route of the application's port: a 404 where it is not served there, a 401 without the token. */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    if (!metricsOnMainPort(this.config)) throw new NotFoundException('Cannot GET /metrics');
    const http = context.switchToHttp();
    if (!hasMetricsToken(this.config, http.getRequest<Request>().headers.authorization)) {
      http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer realm="metrics"');
      throw new UnauthorizedException('Authorization: a bearer METRICS_TOKEN is required');
    }
    return true;
  }
}

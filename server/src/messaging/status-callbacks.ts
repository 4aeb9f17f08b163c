import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApiError } from '@muster/contracts';
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import express from 'express';
import { RequestContext } from '../common/request-context.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { StatusUpdate } from './delivery-store.js';
import {
  type DeliveryReport,
  PROVIDER_WEBHOOKS,
  type ProviderWebhooks,
  type WebhookParams,
} from './provider.js';
import { recordIdOf, WEBHOOK_PATH } from './webhooks.js';

/** Takes a status callback of one of a domain's sends. */
export type StatusSink = (id: string, update: StatusUpdate, report: DeliveryReport) => Promise<void>;

interface StatusRoute {
  /** The query parameter that names the send (`status?delivery=<id>`). */
  param: string;
  sink: StatusSink;
}

/**
 * The provider's status callbacks, three for every text of a fan-out, on the shortest path that
 * still checks them: an Express handler ahead of Nest's pipeline (no guards, interceptors, pipes,
 * security headers or access log), which verifies the signature exactly as every other webhook
 * is verified, and hands the status to the domain that registered the path. The domains' stores
 * write them in batches, and the provider is answered once its status is committed: nothing is
 * acknowledged that a killed process had not written.
 */
@Injectable()
export class StatusCallbacks {
  private readonly logger = new Logger('StatusCallbacks');
  private readonly routes = new Map<string, StatusRoute>();
  private readonly form = express.urlencoded({ extended: true });

  constructor(
    @Inject(PROVIDER_WEBHOOKS) private readonly webhooks: ProviderWebhooks,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly context: RequestContext,
  ) {}

  /** Serves `POST /webhooks/twilio/<path>?<param>=<id>` for a domain's sends. */
  register(path: string, param: string, sink: StatusSink): void {
    if (this.routes.has(path)) throw new Error(`status callback path ${path} is registered twice`);
    this.routes.set(path, { param, sink });
  }

  /** Where the handler is mounted. */
  readonly mountPath = `/${WEBHOOK_PATH}`;

  /** The Express handler, mounted at `mountPath`; other requests pass on to Nest. */
  readonly handler: RequestHandler = (req, res, next) => {
    const route = req.method === 'POST' ? this.routes.get(req.path.replace(/^\/+/, '')) : undefined;
    if (!route) return next();
    this.form(req, res, (err?: unknown) => {
      if (err) {
        // A body the parser refuses (malformed, too large) is answered here, in the API's words.
        const status = (err as { status?: number }).status === 413 ? 413 : 400;
        const error = status === 413 ? 'Payload Too Large' : 'Bad Request';
        return answer(res, { statusCode: status, message: 'body: not a form this webhook can read', error });
      }
      this.take(route, req, res).catch((e: unknown) => this.fail(e, req, res));
    });
  };

  private async take(route: StatusRoute, req: Request, res: Response): Promise<void> {
    const params = (req.body ?? {}) as WebhookParams;
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${req.originalUrl}`;
    const signature = req.header(this.webhooks.signatureHeader);
    if (!this.webhooks.validSignature(url, params, signature)) {
      this.logger.warn({ url }, 'webhook with a missing or wrong signature refused');
      answer(res, {
        statusCode: 403,
        message: `Invalid ${this.webhooks.signatureHeader}`,
        error: 'Forbidden',
      });
      return;
    }
    const report = this.webhooks.report(params);
    const id = recordIdOf(req.query[route.param]);
    if (id && report?.status) {
      const update = { status: report.status, sid: report.sid, errorCode: report.errorCode };
      await this.context.run({ requestId: (req as { id?: string }).id, ip: req.ip }, () =>
        route.sink(id, update, report),
      );
    }
    res.status(204).end();
  }

  /** The provider is told the callback failed; where it retries (connection overrides), it may. */
  private fail(e: unknown, req: Request, res: Response): void {
    const errorId = randomUUID();
    this.logger.error({ err: e, errorId, url: req.originalUrl }, 'status callback failed');
    if (res.headersSent) return;
    answer(res, {
      statusCode: 500,
      message: `Internal error; quote error id ${errorId}`,
      error: 'Internal Server Error',
      errorId,
    });
  }
}

/** An error in the body the rest of the API answers with. */
function answer(res: Response, body: ApiError): void {
  res.status(body.statusCode).type('json').json(body);
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { ApiError } from '@muster/contracts';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import { RequestContext } from '../common/request-context.js';
import { requestIdOf } from '../common/request-id.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import type { StatusUpdate } from './delivery-store.js';
import {
  type DeliveryReport,
  PROVIDER_WEBHOOKS,
  type ProviderWebhooks,
  type WebhookParams,
} from './provider.js';
import { recordIdOf, WEBHOOK_PATH } from './webhooks.js';

/** Where the provider's webhooks are served, the routes' own paths after it. */
const PREFIX = `/${WEBHOOK_PATH}/`;
/** As much as the provider posts with a status, many times over. */
const BODY_LIMIT = '100kb';
const BODY_ERROR = 'body: not a form this webhook can read';

/** Takes a status callback of one of a domain's sends. */
export type StatusSink = (id: string, update: StatusUpdate, report: DeliveryReport) => Promise<void>;

interface StatusRoute {
  /** The query parameter that names the send (`status?delivery=<id>`). */
  param: string;
  sink: StatusSink;
}

/**
 * The provider's status callbacks, two for every text of a fan-out, on the shortest path that
 * still checks them: served by the HTTP server ahead of Express and Nest's pipeline (no router,
 * guards, interceptors, pipes, security headers or access log; together they cost a callback
 * more than its signature and its share of the batched write). The signature is verified exactly
 * as every other webhook's, and the status goes to the domain that registered the path. The
 * domains' stores write them in batches, and the provider is answered once its status is
 * committed: nothing is acknowledged that a killed process had not written.
 */
@Injectable()
export class StatusCallbacks {
  private readonly logger = new Logger('StatusCallbacks');
  private readonly routes = new Map<string, StatusRoute>();

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

  /**
   * Serves `req` when it is a status callback of a registered path and says so; any other request
   * is left untouched for the application. Called by the HTTP server ahead of Express.
   */
  readonly serve = (req: IncomingMessage, res: ServerResponse, ip: () => string | undefined): boolean => {
    if (req.method !== 'POST' || !req.url?.startsWith(PREFIX)) return false;
    const q = req.url.indexOf('?');
    const route = this.routes.get(req.url.slice(PREFIX.length, q < 0 ? undefined : q));
    if (!route) return false;
    // Every answer carries it, as the API's do, refusals and failures too.
    const requestId = requestIdOf(req, res);
    this.take(route, req, res, q < 0 ? '' : req.url.slice(q + 1), requestId, ip).catch((e: unknown) =>
      this.fail(e, req, res, requestId),
    );
    return true;
  };

  private async take(
    route: StatusRoute,
    req: IncomingMessage,
    res: ServerResponse,
    query: string,
    requestId: string,
    ip: () => string | undefined,
  ): Promise<void> {
    const params = await formOf(req);
    if (typeof params === 'number') return refuseBody(req, res, params);
    const url = `${this.config.PUBLIC_URL.replace(/\/+$/, '')}${req.url}`;
    const given = req.headers[this.signatureHeader];
    const signature = typeof given === 'string' ? given : undefined;
    if (!this.webhooks.validSignature(url, params, signature)) {
      this.logger.warn({ url, requestId }, 'webhook with a missing or wrong signature refused');
      return answer(res, {
        statusCode: 403,
        message: `Invalid ${this.webhooks.signatureHeader}`,
        error: 'Forbidden',
      });
    }
    const report = this.webhooks.report(params);
    const id = recordIdOf(new URLSearchParams(query).get(route.param) ?? undefined);
    if (id && report?.status) {
      const update = { status: report.status, sid: report.sid, errorCode: report.errorCode };
      await this.context.run({ requestId, ip: ip() }, () => route.sink(id, update, report));
    }
    res.writeHead(204).end();
  }

  private get signatureHeader(): string {
    return this.webhooks.signatureHeader.toLowerCase();
  }

  /** The provider is told the callback failed; where it retries (connection overrides), it may. */
  private fail(e: unknown, req: IncomingMessage, res: ServerResponse, requestId: string): void {
    const errorId = randomUUID();
    this.logger.error({ err: e, errorId, requestId, url: req.url }, 'status callback failed');
    if (res.headersSent) return;
    answer(res, {
      statusCode: 500,
      message: `Internal error; quote error id ${errorId}`,
      error: 'Internal Server Error',
      errorId,
    });
  }
}

/**
 * The form a callback posts, or the status that refuses its body: 413 past the limit, 400 for any
 * other body (not a form, or one that did not arrive whole).
 */
async function formOf(req: IncomingMessage): Promise<WebhookParams | 400 | 413> {
  const type = req.headers['content-type'] ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) return 400;
  let body: string;
  try {
    body = await getRawBody(req, { limit: BODY_LIMIT, encoding: 'utf8' });
  } catch (e) {
    return (e as { status?: number }).status === 413 ? 413 : 400;
  }
  // The provider posts flat forms; a name given twice keeps its first value.
  const params: WebhookParams = Object.create(null) as WebhookParams;
  for (const [k, v] of new URLSearchParams(body)) if (!Object.hasOwn(params, k)) params[k] = v;
  return params;
}

function refuseBody(req: IncomingMessage, res: ServerResponse, status: 400 | 413): void {
  // What the client still sends is read and dropped, or it would see its request cut instead of
  // the answer.
  req.resume();
  answer(res, {
    statusCode: status,
    message: BODY_ERROR,
    error: status === 413 ? 'Payload Too Large' : 'Bad Request',
  });
}

/** An error in the body the rest of the API answers with. */
function answer(res: ServerResponse, body: ApiError): void {
  const json = JSON.stringify(body);
  res
    .writeHead(body.statusCode, {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(json),
    })
    .end(json);
}

import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { pinoHttp } from 'pino-http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import proxyaddr from 'proxy-addr';
import { refuseUnsafeInput } from './common/input-guard.js';
import { createValidationPipe } from './common/validation.js';
import type { ContextRequest } from './common/request-context.interceptor.js';
import { requestIdOf } from './common/request-id.js';
import { loadConfig } from './config/config.js';
import { StatusCallbacks } from './messaging/status-callbacks.js';
import { NestPinoLogger, createLogger } from './logging/logger.js';
import { RedisIoAdapter } from './rooms/redis-io.adapter.js';

const INGEST_BODY_LIMIT = '1mb';

/**
 * Everything about the HTTP application that is not a module: shared by main.ts and the tests so
 * that the tests exercise the same pipeline as production.
 */
export async function configureApp(app: INestApplication): Promise<void> {
  const express = app as NestExpressApplication;
  const config = loadConfig();
  // Only proxies named by the operator may say who the client is: believed from anyone, the
  // X-Forwarded-For header would let a client pick a fresh address for every login attempt.
  if (config.TRUST_PROXY !== undefined) express.set('trust proxy', config.TRUST_PROXY);
  const logger = createLogger(config.LOG_LEVEL);
  app.useLogger(new NestPinoLogger(logger));
  // Two for every text of a fan-out: the provider's status callbacks skip Express altogether.
  serveAheadOfExpress(express, app.get(StatusCallbacks, { strict: false }).serve);
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    req.id = requestIdOf(req, res);
    next();
  });
  // The access log is written at info. At a quieter level it would write only failed requests,
  // which the exception filter logs already, and still cost each request a child logger.
  if (logger.isLevelEnabled('info'))
    app.use(
      pinoHttp({
        logger,
        genReqId: (req) => (req as ContextRequest).id!,
        autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
        // A provider's webhooks come three per message in a fan-out: logged only when they fail.
        customLogLevel: (req, res, err) =>
          err || res.statusCode >= 500
            ? 'error'
            : res.statusCode < 400 && req.url?.startsWith('/webhooks/')
              ? 'debug'
              : 'info',
        serializers: {
          req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
            id: req.id,
            method: req.method,
            url: req.url,
            remoteAddress: req.remoteAddress,
          }),
          res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
        },
        // Set by the access guard, so each access-log line names who made the request.
        customProps: (req) => {
          const p = (req as ContextRequest).principal;
          return p ? { userId: p.id, role: p.role } : {};
        },
      }),
    );
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // Map tiles may come from MAP_TILE_URL; the offline basemap needs none.
          'img-src': ["'self'", 'data:', 'blob:', 'https:', 'http:'],
          'connect-src': ["'self'", 'ws:', 'wss:'],
          'upgrade-insecure-requests': null,
        },
      },
    }),
  );
  // The parsers Nest would add at init, added here so that the guard can follow them directly.
  // A gateway's batch of up to 5,000 readings is some 400 kB of JSON; every other body stays small.
  // The raw bytes are kept too: a provider's push is signed over the body exactly as it was sent.
  express.useBodyParser('json', {
    limit: INGEST_BODY_LIMIT,
    type: (req) =>
      req.url?.startsWith('/ingest/') === true && /json/.test(String(req.headers['content-type'])),
  });
  express.useBodyParser('json', { verify: keepRawBody } as Parameters<typeof express.useBodyParser>[1]);
  express.useBodyParser('urlencoded', { extended: true });
  app.use(refuseUnsafeInput);
  app.useGlobalPipes(createValidationPipe());
  const io = new RedisIoAdapter(app, config.REDIS_URL, config.REDIS_PREFIX);
  await io.connect();
  app.useWebSocketAdapter(io);

  const doc = new DocumentBuilder()
    .setTitle('Muster API')
    .setDescription(
      'Emergency drill and incident response coordination for the Duji Economic Development Zone',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
}

function keepRawBody(req: { rawBody?: Buffer }, _res: unknown, buffer: Buffer): void {
  req.rawBody = buffer;
}

/**
 * Lets `serve` answer a request before the application's listeners (Express, and whatever wraps
 * it later, as Socket.IO does) see it; it is given the client's address as Express would tell it
 * (`trust proxy`).
 */
function serveAheadOfExpress(
  app: NestExpressApplication,
  serve: (req: IncomingMessage, res: ServerResponse, ip: () => string | undefined) => boolean,
): void {
  const server = app.getHttpServer() as Server;
  const express = app.getHttpAdapter().getInstance() as { get(setting: string): unknown };
  const application = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const ip = () => proxyaddr(req, express.get('trust proxy fn') as (addr: string, i: number) => boolean);
    if (serve(req, res, ip)) return;
    for (const listener of application) listener.call(server, req, res);
  });
}

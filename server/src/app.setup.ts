import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { createValidationPipe } from './common/validation.js';

const REQUEST_ID = /^[\w.-]{1,100}$/;

/**
 * Everything about the HTTP application that is not a module: shared by main.ts and the tests so
 * that the tests exercise the same pipeline as production.
 */
export function configureApp(app: INestApplication): void {
  const express = app as NestExpressApplication;
  express.set('trust proxy', 'loopback');
  app.useLogger(app.get(Logger));
  // A request id from a trusted caller is kept (it ties logs across services); otherwise a new one.
  app.use((req: Request & { id?: string }, res: Response, next: NextFunction) => {
    const given = req.headers['x-request-id'];
    req.id = typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    next();
  });
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
  app.useGlobalPipes(createValidationPipe());
  app.enableShutdownHooks();

  const doc = new DocumentBuilder()
    .setTitle('Muster API')
    .setDescription('Emergency drill and incident response coordination for the Duji Economic Development Zone')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, doc), {
    jsonDocumentUrl: 'api/docs-json',
  });
}

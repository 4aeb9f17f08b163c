import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request } from 'express';
import { ClsModule } from 'nestjs-cls';
import { LoggerModule } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { DataSource } from 'typeorm';
import { AuditModule } from './audit/audit.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { RequestContextModule } from './common/request-context.module.js';
import { APP_CONFIG, type AppConfig, loadConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { EnterpriseModule } from './enterprises/enterprise.module.js';
import { HealthController } from './health/health.controller.js';
import { IdentityModule } from './identity/identity.module.js';
import { HttpMetricsMiddleware, MetricsController } from './metrics/metrics.js';
import { RedisModule } from './redis/redis.module.js';
import { PublicConfigController } from './zone/public-config.controller.js';
import { resolveWebDist } from './web-dist.js';

/** Infrastructure shared by the server and the worker: config, logs, database, Redis, context. */
export function coreImports(): DynamicModule[] | (typeof ConfigModule)[] {
  return [
    ConfigModule,
    LoggerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        pinoHttp: {
          level: config.LOG_LEVEL,
          genReqId: (req) => (req as unknown as { id: string }).id,
          redact: ['req.headers.authorization', 'req.headers.cookie', 'req.body.password'],
          autoLogging: { ignore: (req) => req.url === '/health' || req.url === '/metrics' },
          serializers: {
            req: (req: { id: string; method: string; url: string; remoteAddress?: string }) => ({
              id: req.id,
              method: req.method,
              url: req.url,
              remoteAddress: req.remoteAddress,
            }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          customProps: (req) => {
            const principal = (req as unknown as { principal?: { id: string; role: string } }).principal;
            return principal ? { userId: principal.id, role: principal.role } : {};
          },
        },
      }),
    }),
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL),
    }),
    ClsModule.forRoot({
      global: true,
      middleware: {
        mount: true,
        generateId: true,
        idGenerator: (req: Request) => (req as unknown as { id: string }).id,
        setup: (cls, req: Request) => cls.set('ip', req.ip ?? null),
      },
      plugins: [
        new ClsPluginTransactional({
          imports: [TypeOrmModule],
          adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: DataSource }),
        }),
      ],
    }),
    RequestContextModule,
    RedisModule,
  ] as DynamicModule[];
}


function webConsole(): DynamicModule[] {
  const rootPath = resolveWebDist(loadConfig().WEB_DIST);
  if (!rootPath || !existsSync(rootPath)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: ['/api/{*path}', '/health', '/metrics', '/webhooks/{*path}', '/live/{*path}'],
    }),
  ];
}

@Module({})
export class AppModule implements NestModule {
  /** Built at call time, so tests can set the environment first. */
  static register(): DynamicModule {
    return {
      module: AppModule,
      imports: [
    ...coreImports(),
    AuditModule,
    IdentityModule,
    EnterpriseModule,
    ...webConsole(),
      ],
      controllers: [HealthController, MetricsController, PublicConfigController],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}

import { type DynamicModule, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { ServeStaticModule } from '@nestjs/serve-static';
import { TypeOrmModule } from '@nestjs/typeorm';
import { existsSync } from 'node:fs';
import { AuditModule } from './audit/audit.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { RequestContextModule } from './common/request-context.module.js';
import { APP_CONFIG, type AppConfig, loadConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { EnterpriseModule } from './enterprises/enterprise.module.js';
import { CalloutsModule } from './callouts/callouts.module.js';
import { ResponseModule } from './response/response.module.js';
import { DirectoryModule } from './directory/directory.module.js';
import { ResourcesModule } from './resources/resources.module.js';
import { HealthController } from './health/health.controller.js';
import { HazardModule } from './hazards/hazard.module.js';
import { InspectionModule } from './inspections/inspection.module.js';
import { NotificationModule } from './notifications/notification.module.js';
import { IncidentModule } from './incidents/incident.module.js';
import { RoomLogModule } from './rooms/room-log.module.js';
import { RoomsModule } from './rooms/rooms.module.js';
import { DrillsModule } from './drills/drills.module.js';
import { IdentityModule } from './identity/identity.module.js';
import { HttpMetricsMiddleware } from './metrics/metrics.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { RedisModule } from './redis/redis.module.js';
import { resolveWebDist } from './web-dist.js';
import { PlansModule } from './plans/plans.module.js';
import { JobsModule } from './jobs/jobs.module.js';
import { QueueAdminModule } from './jobs/queue-admin.module.js';
import { PublicConfigController } from './zone/public-config.controller.js';

/** Infrastructure shared by every entry point (server, worker, CLI): config, database, Redis, context. */
export function coreImports(): DynamicModule['imports'] & object {
  return [
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL),
    }),
    RequestContextModule,
    RedisModule,
  ];
}

function webConsole(): DynamicModule[] {
  const rootPath = resolveWebDist(loadConfig().WEB_DIST);
  if (!rootPath || !existsSync(rootPath)) return [];
  return [
    ServeStaticModule.forRoot({
      rootPath,
      exclude: [
        '/api/{*path}',
        '/health',
        '/health/{*path}',
        '/metrics',
        '/webhooks/{*path}',
        '/live/{*path}',
      ],
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
        DirectoryModule,
        ResourcesModule,
        PlansModule,
        CalloutsModule,
        ResponseModule,
        RoomLogModule,
        IncidentModule,
        RoomsModule,
        NotificationModule,
        HazardModule,
        InspectionModule,
        DrillsModule,
        QueueAdminModule,
        JobsModule,
        MetricsModule,
        ...webConsole(),
      ],
      controllers: [HealthController, PublicConfigController],
      providers: [{ provide: APP_FILTER, useClass: HttpExceptionFilter }],
    };
  }

  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*path');
  }
}

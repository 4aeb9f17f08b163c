import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from './audit/audit.module.js';
import { RequestContextModule } from './common/request-context.module.js';
import { APP_CONFIG, type AppConfig } from './config/config.js';
import { ConfigModule } from './config/config.module.js';
import { dataSourceOptions } from './database/data-source.js';
import { RedisModule } from './redis/redis.module.js';

/**
 * What every entry point runs on (the server, the worker, the CLI): configuration, the database,
 * the request context, Redis and the audit log. Each of these is global: importing this module
 * once makes them available to every domain module of the application.
 */
@Module({
  imports: [
    ConfigModule,
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => dataSourceOptions(config.DATABASE_URL),
    }),
    RequestContextModule,
    RedisModule,
    AuditModule,
  ],
})
export class CoreModule {}

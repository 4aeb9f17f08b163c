import { Global, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { Db } from '../database/db.js';
import { RequestContext } from './request-context.js';
import { RequestContextInterceptor } from './request-context.interceptor.js';

@Global()
@Module({
  providers: [RequestContext, Db, { provide: APP_INTERCEPTOR, useClass: RequestContextInterceptor }],
  exports: [RequestContext, Db],
})
export class RequestContextModule {}

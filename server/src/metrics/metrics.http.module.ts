import { Module } from '@nestjs/common';
import { MetricsAccessGuard } from './metrics-access.js';
import { MetricsServer } from './metrics-server.js';
import { MetricsController } from './metrics.js';

/** Prometheus metrics: on the application's port, or on METRICS_PORT; see metrics-access.ts. */
@Module({
  controllers: [MetricsController],
  providers: [MetricsAccessGuard, MetricsServer],
})
export class MetricsHttpModule {}

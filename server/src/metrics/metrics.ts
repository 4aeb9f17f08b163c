import { Controller, Get, Header, Injectable, type NestMiddleware, UseGuards } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { Public } from '../common/access.decorators.js';
import { MetricsAccessGuard } from './metrics-access.js';
import { ApiDoc } from '../common/api-docs.js';
import { scrape, shareInCluster } from './cluster-metrics.js';

/** One registry per process; `collectDefaultMetrics` adds event-loop lag, heap, GC and so on. */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });
shareInCluster(registry);

const httpDuration = new Histogram({
  name: 'muster_http_request_duration_seconds',
  help: 'HTTP request duration by route and status',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [registry],
});

@Injectable()
export class HttpMetricsMiddleware implements NestMiddleware {
  use(req: Request, res: Response, next: NextFunction): void {
    const end = httpDuration.startTimer();
    res.on('finish', () => {
      // The route pattern, not the URL, keeps label cardinality bounded.
      const route = (req.route as { path?: string } | undefined)?.path;
      end({
        method: req.method,
        route: route ? `${req.baseUrl}${route}` : 'unmatched',
        status: String(res.statusCode),
      });
    });
    next();
  }
}

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  @ApiDoc('Prometheus metrics (a bearer METRICS_TOKEN when one is set)', 401, 404)
  @Get()
  @Public()
  @UseGuards(MetricsAccessGuard)
  @Header('Content-Type', registry.contentType)
  metrics(): Promise<string> {
    return scrape(registry);
  }
}

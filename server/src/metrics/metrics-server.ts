import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { type Server, createServer } from 'node:http';
import { once } from 'node:events';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { hasMetricsToken, metricsOnMainPort } from './metrics-access.js';
import { scrape } from './cluster-metrics.js';
import { registry } from './metrics.js';

/**
 * /metrics on a port of its own (METRICS_PORT), one that only the scraper reaches: nothing else
 * is served there, and the application's port no longer serves /metrics. With METRICS_TOKEN as
 * well, the token is required here too. Also warns at boot when production serves no metrics.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger('Metrics');
  private server?: Server;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onApplicationBootstrap(): Promise<void> {
    const port = this.config.METRICS_PORT;
    if (port === undefined) {
      if (!metricsOnMainPort(this.config))
        this.logger.warn('/metrics is not served: set METRICS_TOKEN or METRICS_PORT to scrape it');
      return;
    }
    this.server = createServer((req, res) => {
      const path = (req.url ?? '').split('?')[0];
      if (path !== '/metrics' || (req.method !== 'GET' && req.method !== 'HEAD')) {
        res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not Found');
      } else if (!hasMetricsToken(this.config, req.headers.authorization)) {
        res
          .writeHead(401, { 'Content-Type': 'text/plain', 'WWW-Authenticate': 'Bearer realm="metrics"' })
          .end('Unauthorized');
      } else {
        scrape(registry).then(
          (text) => res.writeHead(200, { 'Content-Type': registry.contentType }).end(text),
          (e: unknown) => {
            this.logger.error({ err: e }, 'Collecting metrics failed');
            res.writeHead(500, { 'Content-Type': 'text/plain' }).end('Internal Server Error');
          },
        );
      }
    });
    this.server.listen(port);
    await once(this.server, 'listening');
    this.logger.log(`/metrics on port ${port}`);
  }

  async onModuleDestroy(): Promise<void> {
    if (!this.server) return;
    const closed = once(this.server, 'close');
    this.server.close();
    this.server.closeAllConnections();
    await closed;
  }
}

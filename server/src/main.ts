import 'reflect-metadata';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { processCount, runClustered } from './cluster.js';
import { ConfigError, loadConfig } from './config/config.js';
import { serveClusterMetrics } from './metrics/cluster-metrics.js';

async function main(): Promise<void> {
  // Imported here, not above: a cluster's primary only forks, watches and gathers metrics, and needs none of it.
  const [{ NestFactory }, { AppModule }, { configureApp }, { closeOnSignals }] = await Promise.all([
    import('@nestjs/core'),
    import('./app.module.js'),
    import('./app.setup.js'),
    import('./shutdown.js'),
  ]);
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), { bufferLogs: true });
  await configureApp(app);
  closeOnSignals(app, config.SHUTDOWN_DELAY_SECONDS * 1000);
  await app.listen(config.PORT);
}

// A configuration error, found by loadConfig or by a module checking its settings at boot (the
// S3 bucket), is told as it is and ends the process with EX_CONFIG: a restart cannot mend it.
function refuse(e: unknown): never {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
}

let processes = 1;
try {
  // Checked before forking, so that a bad setting is told once and not by every process.
  loadConfig();
  processes = processCount('WEB_CONCURRENCY');
} catch (e) {
  refuse(e);
}
// WEB_CONCURRENCY processes share PORT (node:cluster hands each new connection to the next one).
runClustered('server', processes, () => main().catch(refuse), serveClusterMetrics);

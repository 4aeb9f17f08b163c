import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { processCount, runClustered } from '@muster/server/cluster.js';
import { type AppConfig, ConfigError, loadConfig } from '@muster/server/config/config.js';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

async function main(config: AppConfig): Promise<void> {
  // Imported here, not above: a cluster's primary only forks and watches, and needs none of it.
  const [{ NestFactory }, { NestPinoLogger, createLogger }, { WorkerModule }] = await Promise.all([
    import('@nestjs/core'),
    import('@muster/server/logging/logger.js'),
    import('./worker.module.js'),
  ]);
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new NestPinoLogger(logger),
  });
  closeOnSignals(app);
  logger.info({ context: 'Worker' }, 'Worker ready');
}

/**
 * On SIGTERM/SIGINT the modules close (processors finish or return their jobs), then the signal
 * is raised again so a supervisor sees the stop it asked for. Unlike Nest's shutdown hooks, a
 * second signal is ignored, not fatal: in a cluster both the terminal and the primary send one.
 */
function closeOnSignals(app: INestApplicationContext): void {
  let closing = false;
  const stop = (signal: NodeJS.Signals): void => {
    if (closing) return;
    closing = true;
    void app.close().then(() => {
      for (const s of SIGNALS) process.removeAllListeners(s);
      process.kill(process.pid, signal);
    });
  };
  for (const s of SIGNALS) process.on(s, stop);
}

process.env.MUSTER_SERVICE = 'worker';
try {
  const config = loadConfig();
  // WORKER_CONCURRENCY processes take jobs from the same queues; BullMQ gives each job to one.
  runClustered('worker', processCount('WORKER_CONCURRENCY'), () => main(config));
} catch (e) {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigError, loadConfig } from '@muster/server/config/config.js';
import { NestPinoLogger, createLogger } from '@muster/server/logging/logger.js';
import { WorkerModule } from './worker.module.js';

async function main(): Promise<void> {
  process.env.MUSTER_SERVICE = 'worker';
  let config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const logger = createLogger(config.LOG_LEVEL);
  const app = await NestFactory.createApplicationContext(WorkerModule, {
    logger: new NestPinoLogger(logger),
  });
  // On SIGTERM/SIGINT Nest runs the shutdown hooks: processors finish or return in-flight jobs.
  app.enableShutdownHooks();
  logger.info({ context: 'Worker' }, 'Worker ready');
}

void main();

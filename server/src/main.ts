import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module.js';
import { configureApp } from './app.setup.js';
import { ConfigError, loadConfig } from './config/config.js';
import { closeOnSignals } from './shutdown.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(), { bufferLogs: true });
  await configureApp(app);
  closeOnSignals(app);
  await app.listen(config.PORT);
}

// A configuration error, found by loadConfig or by a module checking its settings at boot (the
// S3 bucket), is told as it is and ends the process with EX_CONFIG: a restart cannot mend it.
main().catch((e: unknown) => {
  if (!(e instanceof ConfigError)) throw e;
  console.error(e.message);
  process.exit(78); // EX_CONFIG
});

import 'reflect-metadata';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CoreModule } from '../core.module.js';
import { ConfigError, loadConfig } from '../config/config.js';
import { DemoModule } from '../demo/demo.module.js';
import { DemoSeedService } from '../demo/demo-seed.service.js';
import { IdentityModule } from '../identity/identity.module.js';
import { RoomLogModule } from '../room-log/room-log.module.js';

@Module({ imports: [CoreModule, RoomLogModule, IdentityModule, DemoModule] })
class SeedModule {}

async function main(): Promise<void> {
  const config = loadConfig();
  if (config.NODE_ENV === 'production') {
    throw new Error('Refusing to create demo data in production (NODE_ENV=production)');
  }
  const app = await NestFactory.createApplicationContext(SeedModule, { logger: ['error', 'warn'] });
  try {
    const r = await app.get(DemoSeedService).seed();
    console.log(`Demo data ready (${r.enterprisesCreated} enterprises, ${r.usersCreated} users created)`);
  } finally {
    await app.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});

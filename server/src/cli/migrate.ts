import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config.js';
import { createDataSource } from '../database/data-source.js';

/** Applies pending migrations, each in its own transaction, and says which ran. */
async function main(): Promise<void> {
  const config = loadConfig();
  const ds = createDataSource(config.DATABASE_URL);
  await ds.initialize();
  try {
    const ran = await ds.runMigrations();
    console.log(
      ran.length ? `Applied ${ran.map((m) => m.name).join(', ')}` : 'Database schema is up to date',
    );
  } finally {
    await ds.destroy();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof ConfigError ? e.message : e);
  process.exit(1);
});

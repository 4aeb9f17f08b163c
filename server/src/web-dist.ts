import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The built web console: WEB_DIST if set, else web/dist beside the server workspace. */
export function resolveWebDist(configured: string | undefined): string | null {
  if (configured) return resolve(configured);
  const here = dirname(fileURLToPath(import.meta.url));
  // server/src or server/dist → repo root → web/dist
  const candidate = resolve(here, '..', '..', 'web', 'dist');
  return existsSync(candidate) ? candidate : null;
}

// Loaded into a benchmarked process (`node --expose-gc --import ./bench/heap-probe.mjs`). On
// SIGUSR2 it collects all garbage and writes the process's memory to HEAP_PROBE_DIR/<pid>.json:
// a leak check then reads what the process still references, not what its allocator kept.
import { renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';

process.on('SIGUSR2', () => {
  globalThis.gc();
  const file = path.join(process.env.HEAP_PROBE_DIR, `${process.pid}.json`);
  // Renamed into place, so that the reader never sees half a file.
  writeFileSync(`${file}.tmp`, JSON.stringify(process.memoryUsage()));
  renameSync(`${file}.tmp`, file);
});

import cluster, { type Worker } from 'node:cluster';
import { ConfigError } from './config/config.js';

/** Exit code of a process that refused its configuration: starting it again would fail the same way. */
const EX_CONFIG = 78;
const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];
/** Restart delays of a process that died: doubling from 1 s to 30 s, back to 1 s once one ran a minute. */
const RESTART_MIN_MS = 1000;
const RESTART_MAX_MS = 30_000;
const STABLE_MS = 60_000;

/**
 * How many processes `variable` (WEB_CONCURRENCY, WORKER_CONCURRENCY) asks for: unset is one,
 * anything but a whole number from 1 to 64 is refused rather than guessed at.
 */
export function processCount(variable: string, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[variable]?.trim();
  if (!raw) return 1;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 64) {
    throw new ConfigError([`${variable}: must be a whole number from 1 to 64 (got "${raw}")`]);
  }
  return n;
}

/**
 * Runs `start` in `count` processes of one cluster, or in this process when `count` is 1 (or this
 * is already one of the cluster's processes). The server's processes share its port through the
 * primary, which only keeps them running: it starts one again after a backoff when it dies, and
 * on SIGTERM or SIGINT passes the signal on, waits for every process to finish its own graceful
 * stop, and ends by the same signal, so a supervisor sees the stop it asked for. A process that
 * refuses its configuration (exit 78) stops them all with that code: the others would too.
 * `primary` runs in the primary before the processes start (the server's cluster-wide metrics).
 */
export function runClustered(
  name: string,
  count: number,
  start: () => Promise<void>,
  primary?: () => void,
): void {
  if (count <= 1 || cluster.isWorker) {
    void start();
    return;
  }
  primary?.();
  let stopping: NodeJS.Signals | null = null;
  let exitCode = 0;
  const delays = new Map<number, number>();
  const live = new Set<Worker>();

  const fork = (slot: number): void => {
    const startedAt = Date.now();
    const worker = cluster.fork({ MUSTER_PROCESS_SLOT: String(slot) });
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) finish();
        return;
      }
      if (code === EX_CONFIG) {
        exitCode = EX_CONFIG;
        stop('SIGTERM');
        return;
      }
      const ran = Date.now() - startedAt;
      const delay =
        ran >= STABLE_MS
          ? RESTART_MIN_MS
          : Math.min(RESTART_MAX_MS, (delays.get(slot) ?? 0) * 2 || RESTART_MIN_MS);
      delays.set(slot, delay);
      console.error(
        `[${name}] process ${slot} (pid ${worker.process.pid}) ended (${signal ?? `exit code ${code}`}); ` +
          `starting it again in ${delay / 1000} s`,
      );
      setTimeout(() => stopping || fork(slot), delay).unref();
    });
  };

  const finish = (): void => {
    for (const s of SIGNALS) process.removeAllListeners(s);
    if (exitCode) process.exit(exitCode);
    process.kill(process.pid, stopping ?? 'SIGTERM');
  };

  // Each process stops by its own rules (the server drains its requests, the worker its jobs); a
  // process that also got the signal from the terminal's process group ignores the second one.
  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = signal;
    if (live.size === 0) return finish();
    for (const worker of live) worker.process.kill(signal);
  };
  for (const s of SIGNALS) process.on(s, stop);
  for (let slot = 1; slot <= count; slot++) fork(slot);
}

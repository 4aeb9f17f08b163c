// Shared by start.mjs, test.mjs and migrate.mjs. Node built-ins only: this runs before `npm ci`.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ServiceError } from './services.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export const say = (message) => console.log(`[muster] ${message}`);
export const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

/** Thrown by step() once shutdown has begun, so the remaining steps do not run. */
export class Stopping extends Error {}

const state = { stopping: false };
export const isStopping = () => state.stopping;
export const setStopping = () => {
  state.stopping = true;
};

/** Every step's title and duration, for the summary at the end. */
export const timings = [];

/** Runs one named step, printing its title and then its duration. */
export async function step(title, fn) {
  if (state.stopping) throw new Stopping();
  say(`${title} ...`);
  const t0 = Date.now();
  try {
    const result = await fn();
    timings.push({ title, ms: Date.now() - t0, ok: true });
    say(`${title}: done in ${seconds(Date.now() - t0)}`);
    return result;
  } catch (err) {
    timings.push({ title, ms: Date.now() - t0, ok: false });
    throw err;
  }
}

export function printTimings() {
  const width = Math.max(...timings.map((t) => t.title.length), 10);
  for (const t of timings) {
    say(`  ${t.ok ? 'ok  ' : 'FAIL'} ${t.title.padEnd(width)} ${seconds(t.ms).padStart(8)}`);
  }
}

/** Child processes of the current step (npm ci, build, migrate, jest ...), for Ctrl-C. */
const active = new Set();

/** Runs a command with inherited stdio; resolves with its exit code, or rejects when `check` and it fails. */
export function run(cmd, args, { env = process.env, check = true, stdio = 'inherit' } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: ROOT, env, stdio });
    active.add(child);
    child.once('error', (err) => {
      active.delete(child);
      reject(new ServiceError(`${cmd}: ${err.message}`));
    });
    child.once('exit', (code, signal) => {
      active.delete(child);
      const status = code ?? 128 + (signal === 'SIGKILL' ? 9 : signal === 'SIGINT' ? 2 : 15);
      if (state.stopping) reject(new Stopping());
      else if (check && status !== 0)
        reject(new ServiceError(`\`${[cmd, ...args].join(' ')}\` failed (exit ${status})`));
      else resolve(status);
    });
  });
}

/** Stops the running step's processes: SIGTERM, then SIGKILL after `graceMs`. */
export async function stopActive(graceMs = 10_000) {
  await Promise.all([...active].map((child) => terminate(child, graceMs)));
}

/** SIGTERM a child we spawned (by its own pid), SIGKILL after `graceMs`; resolves once it has exited. */
export function terminate(child, graceMs = 10_000) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** node_modules is missing, or older than package-lock.json. */
export function needsInstall() {
  const lock = path.join(ROOT, 'package-lock.json');
  const installed = path.join(ROOT, 'node_modules', '.package-lock.json'); // written by npm at the end of an install
  try {
    return fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs;
  } catch {
    return true;
  }
}

export async function installIfNeeded() {
  if (!needsInstall()) return;
  await step('npm ci', () => run('npm', ['ci', '--no-audit', '--no-fund']));
}

/**
 * Calls `onStop(signal)` once on the first SIGINT/SIGTERM. Further signals (Ctrl-C reaches npm and us
 * both, and npm forwards its own) are noted but do not interrupt the orderly stop.
 */
export function onSignal(onStop) {
  let count = 0;
  const handler = (signal) => {
    count += 1;
    if (count === 1) onStop(signal);
    else if (count === 3) say('still stopping (children get 10 s before SIGKILL) ...');
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  process.on('SIGHUP', handler);
}

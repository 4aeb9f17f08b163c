/**
 * The sensor simulator as its own process, for demo mode: `node tools/sensor-simulator/dist/main.js`.
 *
 * Environment: MQTT_URL (mqtt://127.0.0.1:1883), MQTT_TOPIC_PREFIX (muster/readings),
 * SIMULATOR_API_URL (Muster, to read the
 * points), SIMULATOR_LOGIN / SIMULATOR_PASSWORD (the demo's zone admin), SIMULATOR_PORT (3091,
 * the control page), SIMULATOR_INTERVAL_MS (1000).
 */
import { startControl } from './control.js';
import { loadPoints } from './points.js';
import { Simulator } from './simulator.js';

const env = process.env;
const num = (name: string, fallback: number) => {
  const v = Number(env[name] ?? fallback);
  if (!Number.isInteger(v) || v < 0 || v > 65535) {
    console.error(`${name}: must be a port or a number of milliseconds`);
    process.exit(78); // EX_CONFIG
  }
  return v;
};

async function main(): Promise<void> {
  const host = env.SIMULATOR_HOST ?? '127.0.0.1';
  const url = env.MQTT_URL ?? 'mqtt://127.0.0.1:1883';
  const apiUrl = env.SIMULATOR_API_URL ?? 'http://127.0.0.1:3000';
  const points = await waitForPoints(
    apiUrl,
    env.SIMULATOR_LOGIN ?? 'admin@muster.test',
    env.SIMULATOR_PASSWORD ?? 'muster-demo',
  );
  const sim = await Simulator.connect(url, env.MQTT_TOPIC_PREFIX ?? 'muster/readings', points);
  sim.start(num('SIMULATOR_INTERVAL_MS', 1000));
  const port = num('SIMULATOR_PORT', 3091);
  const control = await startControl(sim, port, host);
  console.log(`sensor simulator: ${points.length} points → ${url}; control at http://${host}:${port}/`);
  let stopping = false;
  const stop = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    console.log(`sensor simulator: ${signal}, stopping`);
    setTimeout(() => process.exit(0), 3000).unref();
    void sim
      .close()
      .then(() => new Promise((r) => control.close(r)))
      .then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Muster may still be starting (or its demo data seeding): ask again until it answers. */
async function waitForPoints(apiUrl: string, login: string, password: string) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await loadPoints(apiUrl, login, password);
    } catch (err) {
      if (attempt % 10 === 0)
        console.log(`sensor simulator: waiting for Muster at ${apiUrl} (${String(err)})`);
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

void main();

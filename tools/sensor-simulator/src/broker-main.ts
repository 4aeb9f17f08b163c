/**
 * The embedded MQTT broker as its own process: `node tools/sensor-simulator/dist/broker-main.js`.
 * Environment: MQTT_EMBEDDED_PORT (1883), MQTT_EMBEDDED_HOST (127.0.0.1).
 */
import { startBroker } from './broker.js';

async function main(): Promise<void> {
  const port = Number(process.env.MQTT_EMBEDDED_PORT ?? 1883);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error('MQTT_EMBEDDED_PORT: must be a port');
    process.exit(78); // EX_CONFIG
  }
  const host = process.env.MQTT_EMBEDDED_HOST ?? '127.0.0.1';
  const broker = await startBroker(port, host);
  console.log(`embedded MQTT broker on mqtt://${host}:${port}`);
  const stop = () => {
    setTimeout(() => process.exit(0), 3000).unref();
    void broker.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();

import { Aedes } from 'aedes';
import { createServer, type Server } from 'node:net';

/**
 * The embedded MQTT broker `npm start` runs when no MQTT_URL names a real one: enough for a demo
 * and development on one machine (sessions in memory). A park's platform points Muster at its
 * own broker instead.
 */
export async function startBroker(
  port: number,
  host: string,
): Promise<{ server: Server; close(): Promise<void> }> {
  const broker = await Aedes.createBroker();
  const server = createServer(broker.handle);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    server,
    close: () =>
      new Promise((resolve) => {
        server.close(() => broker.close(() => resolve()));
      }),
  };
}

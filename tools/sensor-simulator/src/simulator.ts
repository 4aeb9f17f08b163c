import mqtt, { type MqttClient } from 'mqtt';
import { type Drift, nextValue, operatingValue, type SimPoint } from './model.js';

export interface PointState {
  point: SimPoint;
  value: number;
  drift: Drift;
}

/** Publishes every point's reading once a tick over MQTT (QoS 1), as an enterprise gateway would. */
export class Simulator {
  private readonly states = new Map<string, PointState>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly client: MqttClient,
    private readonly prefix: string,
    points: SimPoint[],
    private readonly random: () => number = Math.random,
  ) {
    for (const point of points)
      this.states.set(point.code, { point, value: operatingValue(point), drift: 'normal' });
  }

  static async connect(url: string, prefix: string, points: SimPoint[]): Promise<Simulator> {
    const client = await mqtt.connectAsync(url, { clientId: `muster-sensor-simulator-${process.pid}` });
    return new Simulator(client, prefix, points);
  }

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.tick(), intervalMs);
  }

  list(): PointState[] {
    return [...this.states.values()];
  }

  /** Sends a point towards a threshold (or back to normal); unknown codes answer false. */
  drift(code: string, drift: Drift): boolean {
    const state = this.states.get(code);
    if (!state) return false;
    state.drift = drift;
    return true;
  }

  async tick(now = Date.now()): Promise<void> {
    await Promise.all(
      this.list().map((s) => {
        s.value = nextValue(s.point, s.value, s.drift, this.random() * 2 - 1);
        const topic = `${this.prefix}/${s.point.enterpriseCode}/${s.point.code}`;
        return this.client.publishAsync(topic, JSON.stringify({ ts: now, value: s.value }), { qos: 1 });
      }),
    );
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.client.endAsync();
  }
}

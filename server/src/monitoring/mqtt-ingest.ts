import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { type IncomingReading, IngestService } from './ingest.service.js';

/** A failed store (the database away) is tried again after this long, holding the stream. */
const RETRY_MS = 1000;

/**
 * The worker's MQTT subscriber: `{prefix}/{creditCode}/{pointCode}`, QoS 1, payload
 * `{ ts, value }` or an array of them. A message is acknowledged to the broker only after its
 * readings (and any alarm they raise) are committed, and the session is persistent (a fixed
 * client id, clean: false): a worker that stops or dies mid-stream gets what it had not
 * committed again from the broker when it comes back, and the store skips what it had.
 * mqtt.js hands messages over one at a time and acknowledges in order, so a point's readings
 * are applied in the order they were published.
 */
@Injectable()
export class MqttIngest implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MqttIngest.name);
  private client: MqttClient | null = null;
  private stopping = false;
  private readonly enterpriseIds = new Map<string, string | null>();

  constructor(
    private readonly ingest: IngestService,
    private readonly enterprises: EnterpriseRepository,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    const url = this.config.MQTT_URL;
    // One MQTT session ingests: two clients with one session id take it from each other, so of a
    // worker's cluster only its first process subscribes (docs/architecture.md, "Sensor readings").
    if (!url || (process.env.MUSTER_PROCESS_SLOT ?? '1') !== '1') return;
    const prefix = this.config.MQTT_TOPIC_PREFIX;
    const client = mqtt.connect(url, {
      clientId: this.config.MQTT_CLIENT_ID,
      clean: false,
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    client.handleMessage = (packet, done) => {
      this.handle(packet).then(
        () => done(),
        (err: unknown) => {
          // Only when stopping: leave it unacknowledged, for the broker to deliver again.
          this.logger.warn({ err, topic: packet.topic }, 'MQTT message left for redelivery');
        },
      );
    };
    client.on('connect', () => {
      client.subscribe(`${prefix}/+/+`, { qos: 1 }, (err) => {
        if (err) this.logger.error({ err }, 'MQTT subscribe failed');
        else this.logger.log(`Ingesting readings from MQTT topics ${prefix}/+/+`);
      });
    });
    client.on('error', (err) => this.logger.warn({ err }, 'MQTT client error'));
    this.client = client;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    await this.client?.endAsync(true);
  }

  private async handle(packet: IPublishPacket): Promise<void> {
    const levels = packet.topic.slice(this.config.MQTT_TOPIC_PREFIX.length + 1).split('/');
    const [creditCode, pointCode] = levels;
    const readings = parse(packet.payload, pointCode);
    if (!creditCode || !pointCode || !readings) {
      this.logger.warn({ topic: packet.topic }, 'MQTT message dropped: not a reading or a list of readings');
      return;
    }
    for (;;) {
      try {
        const enterpriseId = await this.enterpriseOf(creditCode);
        if (!enterpriseId) {
          this.logger.warn(
            { topic: packet.topic },
            'MQTT message dropped: no enterprise with this credit code',
          );
          return;
        }
        const result = await this.ingest.ingest(enterpriseId, readings);
        if (result.rejected.length)
          this.logger.warn({ topic: packet.topic, rejected: result.rejected }, 'MQTT readings rejected');
        return;
      } catch (err) {
        if (this.stopping) throw err;
        this.logger.error({ err, topic: packet.topic }, 'storing MQTT readings failed; trying again');
        await new Promise((r) => setTimeout(r, RETRY_MS));
      }
    }
  }

  private async enterpriseOf(creditCode: string): Promise<string | null> {
    if (!this.enterpriseIds.has(creditCode) || this.enterpriseIds.get(creditCode) === null)
      this.enterpriseIds.set(creditCode, await this.enterprises.idOfCreditCode(creditCode));
    return this.enterpriseIds.get(creditCode)!;
  }
}

function parse(payload: Buffer | string, pointCode: string | undefined): IncomingReading[] | null {
  let body: unknown;
  try {
    body = JSON.parse(payload.toString());
  } catch {
    return null;
  }
  const list = Array.isArray(body) ? body : [body];
  if (!list.length || list.some((r) => typeof r !== 'object' || r === null)) return null;
  return list.map((r: { ts?: unknown; value?: unknown }) => ({ point: pointCode, ts: r.ts, value: r.value }));
}

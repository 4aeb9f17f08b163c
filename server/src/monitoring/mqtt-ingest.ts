import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import mqtt, { type IPublishPacket, type MqttClient } from 'mqtt';
import { generate } from 'mqtt-packet';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import { EnterpriseRepository } from '../enterprises/enterprise.repository.js';
import { type IncomingReading, IngestService } from './ingest.service.js';

/** A failed lookup (the database away) is tried again after this long, holding the stream. */
const RETRY_MS = 1000;
/**
 * How many unacknowledged messages the broker may have out to us (MQTT 5 Receive Maximum): the
 * messages waiting for their batch to commit. Under MQTT 3.1.1 the broker's own limit applies
 * (Mosquitto's max_inflight_messages, 20), which would cap a batch at 20 messages.
 */
const RECEIVE_MAXIMUM = 65_535;
/** The broker keeps the session (and what it has not delivered) this long while we are away. */
const SESSION_EXPIRY_SECONDS = 86_400;
/** Handed to mqtt.js's handleMessage callback: go on to the next message, the ack is ours. */
const ACK_DEFERRED = new Error('acknowledged after the batch commits');

interface Pending {
  /** Null for a QoS 0 message, which has nothing to acknowledge. */
  messageId: number | null;
  /** The connection it came on: an acknowledgement means nothing on another. */
  stream: MqttClient['stream'];
  /** Null while its batch is being written; false when left for redelivery. */
  stored: boolean | null;
}

/**
 * The worker's MQTT subscriber: `{prefix}/{creditCode}/{pointCode}`, QoS 1, payload
 * `{ ts, value }` or an array of them. A message is acknowledged to the broker only after its
 * readings (and any alarm they raise) are committed, and the session is persistent (a fixed
 * client id, no clean start, a session expiry): a worker that stops or dies mid-stream gets what
 * it had not committed again from the broker when it comes back, and the store skips what it had.
 *
 * mqtt.js sends a QoS 1 acknowledgement when `handleMessage` calls back and only then reads the
 * next message (its `customHandleAcks` sits in the same chain), so acknowledging after the commit
 * there would mean one transaction per message. Instead each message is queued for the next
 * batch, `handleMessage` calls back with an error (mqtt.js then sends no acknowledgement and
 * reads on), and the PUBACK is written here once the batch commits, in the order the messages
 * came (MQTT asks for that). Messages are queued in arrival order, so a point's readings reach
 * the store in the order they were published.
 */
@Injectable()
export class MqttIngest implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MqttIngest.name);
  private client: MqttClient | null = null;
  private stopping = false;
  private readonly enterpriseIds = new Map<string, string | null>();
  /** Messages in arrival order, acknowledged from the front as their readings are stored. */
  private pending: Pending[] = [];
  private head = 0;

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
      protocolVersion: 5,
      clean: false,
      properties: { receiveMaximum: RECEIVE_MAXIMUM, sessionExpiryInterval: SESSION_EXPIRY_SECONDS },
      reconnectPeriod: 1000,
      connectTimeout: 10_000,
    });
    client.handleMessage = (packet, done) => {
      // Only what the acknowledgement needs is kept: the payload is let go once queued.
      const { topic } = packet;
      const messageId = packet.qos === 1 ? (packet.messageId ?? null) : null;
      const message: Pending = { messageId, stream: client.stream, stored: null };
      this.queue(packet).then(
        ({ committed }) => {
          this.pending.push(message);
          committed.then(
            () => this.settle(client, message, true),
            (err: unknown) => {
              this.logger.warn({ err, topic }, 'MQTT message left for redelivery');
              this.settle(client, message, false);
            },
          );
          done(ACK_DEFERRED);
        },
        (err: unknown) => {
          // Only when stopping: leave it unacknowledged, for the broker to deliver again.
          this.logger.warn({ err, topic }, 'MQTT message left for redelivery');
          done(ACK_DEFERRED);
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

  /** Acknowledges the front of the line up to the first message still waiting for its batch. */
  private settle(client: MqttClient, message: Pending, stored: boolean): void {
    message.stored = stored;
    while (this.head < this.pending.length && this.pending[this.head]!.stored !== null) {
      const m = this.pending[this.head++]!;
      if (m.stored && m.messageId !== null) this.acknowledge(client, m.stream, m.messageId);
    }
    if (this.head > 4096 && this.head * 2 > this.pending.length) {
      this.pending = this.pending.slice(this.head);
      this.head = 0;
    }
  }

  /**
   * Written straight to the connection the message came on. After a reconnect the broker
   * delivers the unacknowledged messages again, so an acknowledgement for the old connection
   * is dropped (the store skips the repeat).
   */
  private acknowledge(client: MqttClient, stream: MqttClient['stream'], messageId: number): void {
    if (!client.connected || client.stream !== stream) return;
    // A batch's acknowledgements settle together: one write to the socket for all of them.
    if (!stream.writableCorked) {
      stream.cork();
      setImmediate(() => stream.uncork());
    }
    stream.write(generate({ cmd: 'puback', messageId, reasonCode: 0 }, { protocolVersion: 5 }));
  }

  /** Queues the message's readings; `committed` settles when they are stored. */
  private async queue(packet: IPublishPacket): Promise<{ committed: Promise<void> }> {
    const levels = packet.topic.slice(this.config.MQTT_TOPIC_PREFIX.length + 1).split('/');
    const [creditCode, pointCode] = levels;
    const readings = parse(packet.payload, pointCode);
    if (!creditCode || !pointCode || !readings) {
      this.logger.warn({ topic: packet.topic }, 'MQTT message dropped: not a reading or a list of readings');
      return { committed: Promise.resolve() };
    }
    for (;;) {
      try {
        const enterpriseId = this.enterpriseIds.get(creditCode) ?? (await this.enterpriseOf(creditCode));
        if (!enterpriseId) {
          this.logger.warn(
            { topic: packet.topic },
            'MQTT message dropped: no enterprise with this credit code',
          );
          return { committed: Promise.resolve() };
        }
        const { result, committed } = await this.ingest.accept(enterpriseId, readings);
        if (result.rejected.length)
          this.logger.warn({ topic: packet.topic, rejected: result.rejected }, 'MQTT readings rejected');
        return { committed };
      } catch (err) {
        if (this.stopping) throw err;
        this.logger.error({ err, topic: packet.topic }, 'reading MQTT message failed; trying again');
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

import { type BeforeApplicationShutdown, Inject, Logger } from '@nestjs/common';
import {
  ConnectedSocket,
  MessageBody,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  SubscribeMessage,
  WebSocketGateway,
} from '@nestjs/websockets';
import type { Redis } from 'ioredis';
import type { Namespace, Socket } from 'socket.io';
import { type Principal, RequestContext } from '../common/request-context.js';
import { PG_INT_MAX } from '../common/sql.js';
import { APP_CONFIG, type AppConfig } from '../config/config.js';
import {
  LIVE_NAMESPACE,
  type PresenceMessage,
  type RoomJoinAck,
  type RoomJoinRequest,
  type ServerToClientEvents,
  isZoneRole,
} from '@muster/contracts';
import { Revocations } from '../identity/revocation.js';
import { TokenService } from '../identity/token.service.js';
import { UserRepository } from '../identity/user.repository.js';
import { IncidentRepository } from '../incidents/incident.repository.js';
import { REDIS } from '../redis/redis.module.js';
import { SocketIoBroadcaster } from '../room-log/socket-io.broadcaster.js';
import { OVERVIEW_ROOM, incidentRoom, userRoom } from '../room-log/socket-rooms.js';
import { RoomLog } from '../room-log/room-log.js';

interface SocketData {
  principal: Principal;
  /** The version of the token the socket connected with: a newer one in the database revokes it. */
  tokenVersion: number;
  /** Rooms this socket is shown as present in, cleared on disconnect. */
  presentIn?: Set<string>;
}

type LiveSocket = Socket<Record<string, never>, ServerToClientEvents, Record<string, never>, SocketData>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const REVOKED = 'Authorization: the token was revoked or the account deactivated; sign in again';

/**
 * `/live`: the token is checked at the handshake (no token, no connection), and every room join
 * is checked against the same enterprise scope as the REST API. A socket lives no longer than its
 * token: when the user's tokens are revoked on any process, every process closes its sockets of
 * that user, and each join checks the token version again in case that news was missed.
 */
@WebSocketGateway({ namespace: LIVE_NAMESPACE })
export class LiveGateway
  implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect, BeforeApplicationShutdown
{
  private readonly logger = new Logger(LiveGateway.name);
  private namespace!: Namespace;

  constructor(
    private readonly tokens: TokenService,
    private readonly users: UserRepository,
    private readonly incidents: IncidentRepository,
    private readonly rooms: RoomLog,
    private readonly live: SocketIoBroadcaster,
    private readonly context: RequestContext,
    private readonly revocations: Revocations,
    @Inject(REDIS) private readonly redis: Redis,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  afterInit(namespace: Namespace): void {
    this.namespace = namespace;
    this.live.attach(namespace);
    namespace.use((socket, next) => {
      void this.authenticate(socket as LiveSocket).then(
        (ok) => next(ok ? undefined : new Error('unauthorized')),
        (e: unknown) => {
          this.logger.error({ err: e }, 'handshake failed');
          next(new Error('unauthorized'));
        },
      );
    });
    this.revocations.listen((userId) =>
      userId ? this.namespace.in(userRoom(userId)).local.disconnectSockets(true) : this.recheckAll(),
    );
  }

  /**
   * Every socket joins its user's room, where the user's notifications are pushed too. A
   * revocation that committed after the handshake read the user, but was heard before this
   * socket was in its user's room, would miss it: so the room is joined first, and the user read
   * again after.
   */
  async handleConnection(socket: LiveSocket): Promise<void> {
    try {
      await socket.join(userRoom(socket.data.principal.id));
      if (await this.current(socket)) return;
    } catch (e) {
      this.logger.error({ err: e }, 'connection check failed; the socket is closed');
    }
    socket.disconnect(true);
  }

  @SubscribeMessage('room:join')
  async join(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: RoomJoinRequest,
  ): Promise<RoomJoinAck> {
    const incidentId = body?.incidentId;
    const sinceSeq = Number(body?.sinceSeq ?? 0);
    if (typeof incidentId !== 'string' || !UUID.test(incidentId))
      return { ok: false, error: 'incidentId: must be a UUID' };
    // Bounded by the seq column's type: a larger number would be refused by the database.
    if (!Number.isInteger(sinceSeq) || sinceSeq < 0 || sinceSeq > PG_INT_MAX)
      return { ok: false, error: `sinceSeq: must be a whole number from 0 to ${PG_INT_MAX}` };
    if (!(await this.current(socket))) return this.revoked(socket);
    const principal = socket.data.principal;
    return this.context.run({ principal }, async () => {
      const incident = await this.incidents.findById(incidentId);
      if (!incident) return { ok: false, error: 'Incident not found' };
      // Join before reading the log: an event committed in between arrives twice (the client
      // drops it by seq) rather than not at all.
      await socket.join(incidentRoom(incidentId));
      const events = await this.rooms.since(incidentId, sinceSeq);
      await this.presence(incidentId, socket, 'join');
      return { ok: true, events, lastSeq: events.at(-1)?.seq ?? Math.max(sinceSeq, incident.lastSeq) };
    });
  }

  @SubscribeMessage('room:leave')
  async leave(
    @ConnectedSocket() socket: LiveSocket,
    @MessageBody() body: { incidentId?: string },
  ): Promise<{ ok: boolean }> {
    if (typeof body?.incidentId !== 'string' || !socket.rooms.has(incidentRoom(body.incidentId)))
      return { ok: false };
    await socket.leave(incidentRoom(body.incidentId));
    await this.presence(body.incidentId, socket, 'leave');
    return { ok: true };
  }

  @SubscribeMessage('overview:join')
  async overview(@ConnectedSocket() socket: LiveSocket): Promise<{ ok: boolean; error?: string }> {
    if (!(await this.current(socket))) return this.revoked(socket);
    if (!isZoneRole(socket.data.principal.role))
      return { ok: false, error: 'The overview is for zone roles' };
    await socket.join(OVERVIEW_ROOM);
    return { ok: true };
  }

  /**
   * Set before the sockets close at shutdown: their departures are still removed from Redis, but
   * not broadcast, because the adapter's publisher closes with the server and a publish after
   * that would be an error nobody can catch.
   */
  private closing = false;

  beforeApplicationShutdown(): void {
    this.closing = true;
  }

  async handleDisconnect(socket: LiveSocket): Promise<void> {
    const incidentIds = [...(socket.data.presentIn ?? [])];
    await Promise.all(incidentIds.map((id) => this.presence(id, socket, 'leave')));
  }

  private async authenticate(socket: LiveSocket): Promise<boolean> {
    const token = (socket.handshake.auth as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string' || !token) return false;
    const claims = await this.tokens.verify(token);
    if (!claims) return false;
    const user = await this.users.findActiveById(claims.sub);
    if (!user || user.tokenVersion !== claims.ver) return false;
    socket.data.tokenVersion = user.tokenVersion;
    socket.data.principal = {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      enterpriseId: user.enterpriseId,
    };
    return true;
  }

  /** Whether the socket's user is still active and its token still at their current version. */
  private async current(socket: LiveSocket): Promise<boolean> {
    const versions = await this.users.activeTokenVersions([socket.data.principal.id]);
    return versions.get(socket.data.principal.id) === socket.data.tokenVersion;
  }

  /** Refuses the request and closes the socket, once the refusal has been sent. */
  private revoked(socket: LiveSocket): { ok: false; error: string } {
    // Nest sends the answer as soon as this handler's promise settles, before the next turn.
    setImmediate(() => socket.disconnect(true));
    return { ok: false, error: REVOKED };
  }

  /**
   * After this process may have missed revocations (its subscription was down): every socket it
   * holds is checked against the database, in one query.
   */
  private async recheckAll(): Promise<void> {
    const sockets = [...this.namespace.sockets.values()] as LiveSocket[];
    const ids = [...new Set(sockets.map((s) => s.data.principal.id))];
    if (!ids.length) return;
    const versions = await this.users.activeTokenVersions(ids);
    for (const s of sockets) {
      if (versions.get(s.data.principal.id) !== s.data.tokenVersion) s.disconnect(true);
    }
  }

  /** Who is in a room, per socket, in a Redis hash shared by every server process. */
  private async presence(incidentId: string, socket: LiveSocket, change: 'join' | 'leave'): Promise<void> {
    const key = `${this.config.REDIS_PREFIX}:presence:${incidentId}`;
    const data = socket.data;
    data.presentIn ??= new Set();
    try {
      if (change === 'join') {
        const p = socket.data.principal;
        await this.redis.hset(key, socket.id, JSON.stringify({ userId: p.id, name: p.name, role: p.role }));
        await this.redis.expire(key, 24 * 3600);
        data.presentIn.add(incidentId);
      } else {
        await this.redis.hdel(key, socket.id);
        data.presentIn.delete(incidentId);
      }
      const entries = Object.values(await this.redis.hgetall(key)).map(
        (v) => JSON.parse(v) as PresenceMessage['present'][number],
      );
      const present = [...new Map(entries.map((e) => [e.userId, e])).values()];
      if (!this.closing)
        this.namespace.to(incidentRoom(incidentId)).emit('room:presence', { incidentId, present });
    } catch (e) {
      // Presence is a courtesy; a Redis hiccup must not fail the join itself.
      this.logger.warn({ err: e, incidentId }, 'presence update failed');
    }
  }
}

import { io, type Socket } from 'socket.io-client';
import { sessionStore } from '../api/session';
import { LIVE_NAMESPACE, type ClientToServerEvents, type ServerToClientEvents } from '../contracts';

export type LiveSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * `connecting`: first attempt; `connected`; `reconnecting`: the connection dropped and Socket.IO
 * is retrying; `refused`: the server turned the token away or revoked it (no retry by itself).
 */
export type LiveStatus = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'refused';

/** How long an unused connection is kept, so moving between live pages does not reconnect. */
const IDLE_CLOSE_MS = 15_000;

let socket: LiveSocket | null = null;
let socketToken: string | null = null;
let status: LiveStatus = 'idle';
let users = 0;
let idleTimer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function emit(): void {
  for (const listener of listeners) listener();
}

function setStatus(next: LiveStatus): void {
  if (status === next) return;
  status = next;
  emit();
}

function close(): void {
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = null;
  if (!socket) return;
  socket.removeAllListeners();
  socket.io.removeAllListeners();
  socket.disconnect();
  socket = null;
  socketToken = null;
  setStatus('idle');
  emit();
}

function open(token: string): LiveSocket {
  // Same origin: the server serves the console, and Vite's dev server proxies /socket.io.
  const s: LiveSocket = io(LIVE_NAMESPACE, {
    auth: { token },
    // A websocket stays on the server process it reached, so several processes (and replicas)
    // need no sticky sessions for it. Where something on the way refuses websockets, each
    // attempt falls back to long-polling, which the server routes to the process holding its
    // session (server/src/rooms/cluster-polling.ts).
    transports: ['websocket', 'polling'],
    tryAllTransports: true,
    reconnection: true,
    reconnectionDelay: 500,
    reconnectionDelayMax: 5_000,
    randomizationFactor: 0.3,
    timeout: 10_000,
  });
  s.on('connect', () => setStatus('connected'));
  s.on('disconnect', (reason) => {
    // The server closes a socket whose token it revoked, and Socket.IO does not retry that; the
    // network dropping us it does retry by itself.
    if (reason === 'io server disconnect') setStatus('refused');
    else if (reason !== 'io client disconnect') setStatus('reconnecting');
  });
  s.on('connect_error', () => {
    // `active` is false when the server's middleware refused the handshake (bad or expired
    // token); a network failure keeps it true and Socket.IO keeps trying.
    setStatus(s.active ? 'reconnecting' : 'refused');
  });
  socket = s;
  socketToken = token;
  setStatus('connecting');
  return s;
}

/**
 * The console's one connection to `/live`, shared by every live view of the signed-in user.
 * Views `acquire` it while mounted; it closes a little after the last one lets go, and at once
 * when the session ends or changes hands.
 */
export const liveConnection = {
  acquire(): void {
    users += 1;
    if (idleTimer) clearTimeout(idleTimer);
    idleTimer = null;
    const token = sessionStore.get()?.token;
    if (!token) return;
    if (socket && socketToken === token) {
      // A refused connection gets one more try when a view asks again.
      if (status === 'refused') {
        setStatus('connecting');
        socket.connect();
      }
      return;
    }
    close();
    open(token);
    emit();
  },

  release(): void {
    users = Math.max(0, users - 1);
    if (users > 0 || idleTimer) return;
    idleTimer = setTimeout(() => {
      idleTimer = null;
      if (users === 0) close();
    }, IDLE_CLOSE_MS);
  },

  socket(): LiveSocket | null {
    return socket;
  },

  status(): LiveStatus {
    return status;
  },

  subscribe(listener: () => void): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

// Signing out, or in as someone else, must not leave a connection acting with the old token.
sessionStore.subscribe(() => {
  const token = sessionStore.get()?.token ?? null;
  if (token === socketToken) return;
  close();
  if (token && users > 0) open(token);
  emit();
});

import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import {
  type IncomingHttpHeaders,
  type IncomingMessage,
  type Server as HttpServer,
  type ServerResponse,
  createServer,
  request,
} from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import getRawBody from 'raw-body';
import type { Server } from 'socket.io';

/** Marks a request one process passed to another, so that it is never passed on again. */
const FORWARDED = 'x-muster-forwarded-from';
const SESSION = /^(\d{1,2})~[\w-]+$/;

/** The socket at which the cluster process of `slot` takes requests passed from its siblings. */
function socketPath(slot: number): string {
  return path.join(tmpdir(), `muster-io-${process.ppid}-${slot}.sock`);
}

/** The headers without how the body was framed: it is passed on whole, with its length. */
function withoutFraming(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const { 'transfer-encoding': _chunked, 'content-length': _length, ...rest } = headers;
  return rest;
}

/** Engine.IO's own answer to a session it does not know; the client then opens a new one. */
function unknownSession(res: ServerResponse): void {
  if (res.headersSent) return void res.destroy();
  res.writeHead(400, { 'Content-Type': 'application/json' });
  res.end(JSON.stringify({ code: 1, message: 'Session ID unknown' }));
}

/**
 * HTTP long-polling across the processes of a cluster, which hand out connections in turn and so
 * would send a session's requests to processes that do not know it. The console connects by
 * websocket first, and a websocket stays on its process; polling is the fallback where websockets
 * cannot pass. For it each session's id names the process that holds it, and a polling request
 * arriving at another process is passed on to that one over a local socket and its answer passed
 * back. Nothing in front (load balancer, Ingress) has to be sticky within a host; across hosts the
 * load balancer still needs affinity for polling clients (the Service's ClientIP, or a cookie).
 * A websocket upgrade of a polling session that lands on another process is refused as unknown,
 * and the client simply stays on polling. Returns what closes the local socket.
 */
export function routePollingToOwner(io: Server): () => Promise<void> {
  const slot = Number(process.env.MUSTER_PROCESS_SLOT);
  if (!cluster.isWorker || !Number.isInteger(slot)) return () => Promise.resolve();
  const own = socketPath(slot);
  io.engine.generateId = () => `${slot}~${randomBytes(15).toString('base64url')}`;

  io.engine.use(
    (req: IncomingMessage & { _query?: Record<string, string> }, res: ServerResponse, next: () => void) => {
      const owner = SESSION.exec(req._query?.sid ?? '')?.[1];
      // Upgrades (res is not an HTTP answer then) and this process's own sessions go on as usual.
      if (!owner || Number(owner) === slot || req.headers.upgrade || req.headers[FORWARDED]) return next();
      // Engine.IO's own limit on a polling request; past it raw-body refuses, and so does the owner.
      getRawBody(req, { limit: io.engine.opts.maxHttpBufferSize ?? 1e6 })
        .then((body) => {
          const upstream = request(
            {
              socketPath: socketPath(Number(owner)),
              // A fresh connection each time: a kept-alive one the owner has just closed would fail
              // a request that is not the session's fault.
              agent: false,
              method: req.method,
              path: req.url,
              headers: {
                ...withoutFraming(req.headers),
                [FORWARDED]: String(slot),
                'content-length': String(body.length),
              },
            },
            (answer) => {
              res.writeHead(answer.statusCode ?? 502, answer.headers);
              answer.pipe(res);
            },
          );
          // The owner has ended (and its sessions with it): the client reconnects and catches up.
          upstream.on('error', () => unknownSession(res));
          // Only a client gone before its answer cancels the request passed on.
          res.on('close', () => {
            if (!res.writableFinished) upstream.destroy();
          });
          // The body is passed on whole, with the request: streamed, a body still being written
          // when the owner answered failed the request under load (EPIPE), which ended the session.
          upstream.end(body);
        })
        .catch((e: { status?: number }) => {
          if (e.status === 413 && !res.headersSent) res.writeHead(413).end();
          else res.destroy();
        });
    },
  );

  const local: HttpServer = createServer((req, res) => io.engine.handleRequest(req, res));
  rmSync(own, { force: true }); // left by a process of this slot that was killed
  // exclusive: this process's own socket, not one shared through the cluster's primary.
  local.listen({ path: own, exclusive: true });
  return () =>
    new Promise<void>((resolve) => {
      local.closeAllConnections();
      local.close(() => resolve());
      rmSync(own, { force: true });
    });
}

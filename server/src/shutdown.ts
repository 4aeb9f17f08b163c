import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** How long the requests in flight at a stop signal may take to finish. */
const DRAIN_GRACE_MS = 10_000;

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Stops the server on SIGTERM or SIGINT without cutting work short. Nest's own shutdown closes the
 * modules (the Socket.IO adapter's Redis connections, the file store's client) before the HTTP
 * server, so a filing still running would publish into a closed connection and take the process
 * down with its answer unsent. Here the listener closes first, requests that come in after the
 * signal are turned away with a 503 before any work, those already in the application finish,
 * and only then does Nest close the modules. The signal is raised again at the end, as Nest does,
 * so a supervisor sees the process end by it. Call before `listen()`.
 *
 * Only work is waited for, not transfer: a request counts until its answer starts. A download
 * streaming to a slow client, or a Socket.IO long-poll (held open by design, ended by the
 * adapter), would otherwise hold every stop for the whole grace; they are cut when the process
 * ends, and their clients retry.
 *
 * With `readinessDelayMs`, the signal first only fails `/health` (the readiness probe) and the
 * server goes on serving for that long: a load balancer that learns of the stop late (Kubernetes
 * removes a stopping pod from its endpoints while the signal is already on its way) would
 * otherwise send requests to a closed port in the meantime.
 */
export function closeOnSignals(app: INestApplication, readinessDelayMs = 0): void {
  const server = app.getHttpServer() as Server;
  const logger = new Logger('Shutdown');
  let stopping = false;
  let unready = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;
  // Requests that arrived before the signal: one whose body is still coming in when it comes was
  // accepted all the same, and is let through to be finished rather than turned away.
  const admitted = new WeakSet<IncomingMessage>();
  // Answers not yet closed, each with the promise of its close.
  const open = new Map<ServerResponse, Promise<void>>();

  // First of the request listeners: Express answers some requests (a 404, OPTIONS, a method no
  // route takes) before it returns, and a listener after it would count as under way a request
  // already answered, whose end it never sees: every stop then waited out the whole grace.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.url?.startsWith('/socket.io/')) return;
    if (!stopping) admitted.add(req);
    inFlight++;
    open.set(
      res,
      new Promise((resolve) =>
        res.once('close', () => {
          open.delete(res);
          resolve();
        }),
      ),
    );
    // Done when the application starts its answer, not when the connection closes: a request
    // whose client gave up is still being worked on, and its broadcasts still need Redis. The
    // head is written by the first write or by end(); end() is watched too, since on a response
    // whose client is gone it writes nothing. The wrappers stay: middleware may have wrapped them in
    // turn, and putting the originals back would drop its wrapper too.
    const { writeHead, end } = res;
    let working = true;
    const done = () => {
      if (!working) return;
      working = false;
      if (--inFlight === 0) idle?.();
    };
    res.writeHead = function (this: ServerResponse, ...args: unknown[]) {
      done();
      return writeHead.apply(this, args as Parameters<ServerResponse['writeHead']>);
    } as ServerResponse['writeHead'];
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      done();
      return end.apply(this, args as Parameters<ServerResponse['end']>);
    } as ServerResponse['end'];
  });
  // Also what a load balancer's health check sees, so it stops sending here.
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (unready && !stopping && req.path === '/health') {
      return void res.status(503).json({ status: 'stopping' });
    }
    if (!stopping || admitted.has(req)) return next();
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', '1');
    res.status(503).json({ statusCode: 503, message: 'The server is stopping: retry in a moment' });
  });

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (unready) return;
    unready = true;
    if (readinessDelayMs > 0) {
      logger.log(`${signal}: not ready; serving for ${readinessDelayMs} ms more before closing`);
      await new Promise((resolve) => setTimeout(resolve, readinessDelayMs));
    }
    stopping = true;
    // Only the listener: http.Server#close would also drop every connection it deems idle, and
    // that includes one whose request has been read and whose answer is being worked on.
    NetServer.prototype.close.call(server);
    let timer: NodeJS.Timeout | undefined;
    const grace = new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_GRACE_MS)));
    if (inFlight > 0) {
      logger.log(`${signal}: waiting for ${inFlight} request(s) in flight`);
      await Promise.race([new Promise<void>((resolve) => (idle = resolve)), grace]);
      if (inFlight > 0) logger.warn(`${inFlight} request(s) still running after ${DRAIN_GRACE_MS} ms`);
    }
    // What is left is transfer. Answers already whole are given the grace to reach their clients;
    // the rest (streams, and whatever outlived the grace) are cut, since Nest's close of the HTTP
    // server waits for every connection to end.
    const whole = [...open].filter(([res]) => res.writableEnded).map(([, closed]) => closed);
    await Promise.race([Promise.all(whole), grace]);
    clearTimeout(timer);
    for (const res of open.keys()) res.destroy();
    await app.close();
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, (signal: NodeJS.Signals) => void stop(signal));
}

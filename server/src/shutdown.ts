import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { Server as NetServer } from 'node:net';
import { Logger, type INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';

/** How long the requests in flight at a stop signal may take to finish. */
const DRAIN_GRACE_MS = 10_000;

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT'];

/**
 * Stops the server on SIGTERM or SIGINT without cutting requests short. Nest's own shutdown
 * closes the modules (the Socket.IO adapter's Redis connections, the file store's client) before
 * the HTTP server, so a filing still running would publish into a closed connection and take the
 * process down with its answer unsent. Here the listener closes first, requests that come in
 * after the signal are turned away with a 503 before any work, those already running finish,
 * and only then does Nest close the modules. The signal is raised again at the end, as Nest
 * does, so a supervisor sees the process end by it. Call before `listen()`.
 */
export function closeOnSignals(app: INestApplication): void {
  const server = app.getHttpServer() as Server;
  const logger = new Logger('Shutdown');
  let stopping = false;
  let inFlight = 0;
  let idle: (() => void) | undefined;

  // First of the request listeners: Express answers some requests (a 404, OPTIONS, a method no
  // route takes) before it returns, and a listener after it would count as under way a request
  // already answered, whose end it never sees: every stop then waited out the whole grace.
  server.prependListener('request', (req: IncomingMessage, res: ServerResponse) => {
    // A Socket.IO long-poll is held open by design; the adapter ends those itself.
    if (req.url?.startsWith('/socket.io/')) return;
    inFlight++;
    // Done when the application has ended the answer, not when the connection closes: a request
    // whose client gave up is still being worked on, and its broadcasts still need Redis.
    const end = res.end;
    res.end = function (this: ServerResponse, ...args: unknown[]) {
      res.end = end;
      if (--inFlight === 0) idle?.();
      return end.apply(this, args as Parameters<ServerResponse['end']>);
    } as ServerResponse['end'];
  });
  // Also what a load balancer's health check sees, so it stops sending here.
  app.use((_req: Request, res: Response, next: NextFunction) => {
    if (!stopping) return next();
    res.setHeader('Connection', 'close');
    res.setHeader('Retry-After', '1');
    res.status(503).json({ statusCode: 503, message: 'The server is stopping: retry in a moment' });
  });

  const stop = async (signal: NodeJS.Signals): Promise<void> => {
    if (stopping) return;
    stopping = true;
    // Only the listener: http.Server#close would also drop every connection it deems idle, and
    // that includes one whose request has been read and whose answer is being worked on.
    NetServer.prototype.close.call(server);
    if (inFlight > 0) {
      logger.log(`${signal}: waiting for ${inFlight} request(s) in flight`);
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => (idle = resolve)),
        new Promise<void>((resolve) => (timer = setTimeout(resolve, DRAIN_GRACE_MS))),
      ]);
      clearTimeout(timer);
      if (inFlight > 0) logger.warn(`${inFlight} request(s) still running after ${DRAIN_GRACE_MS} ms`);
    }
    await app.close();
    for (const s of SIGNALS) process.removeAllListeners(s);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, (signal: NodeJS.Signals) => void stop(signal));
}

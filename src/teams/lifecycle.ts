// Graceful stop: on SIGTERM the server stops taking requests, lets in-flight turns finish, and the
// process exits 0 — within 10 seconds, which is what App Service and most orchestrators allow.
import type restify from 'restify';

export interface Draining {
  inFlight(): number;
  stop(timeoutMs?: number): Promise<void>;
}

export function trackRequests(server: restify.Server): Draining {
  let inFlight = 0;
  let stopping = false;
  server.pre((_req, res, next) => {
    if (stopping) {
      res.header('connection', 'close');
      res.send(503, { error: 'Shutting down' });
      return next(false);
    }
    inFlight++;
    res.once('finish', () => inFlight--);
    res.once('close', () => {
      if (!res.writableFinished) inFlight--;
    });
    return next();
  });
  return {
    inFlight: () => inFlight,
    stop: (timeoutMs = 9000) =>
      new Promise((resolve) => {
        stopping = true;
        const deadline = Date.now() + timeoutMs;
        server.close();
        const tick = (): void => {
          (server.server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
          if (inFlight <= 0 || Date.now() >= deadline) resolve();
          else setTimeout(tick, 50);
        };
        tick();
      }),
  };
}

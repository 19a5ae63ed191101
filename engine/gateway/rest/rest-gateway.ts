import { createServer as createHttpServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { EngineApi } from '../../engine-api';
import type { EngineAuth } from '../auth/engine-auth';
import type { TlsMaterial } from '../tls';
import { createRestApp } from './rest-app';

export interface RestGatewayOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Who may call (OPEN_ACCESS only with ENGINE_AUTH=none): required, so that no caller opens the port by omission. */
  auth: EngineAuth;
  /** Serve HTTPS with this certificate and key. */
  tls?: TlsMaterial;
}

export interface RestGateway {
  /** The port listened on (the free one chosen when 0 was asked). */
  port: number;
  /** Stops accepting requests, ends pending long polls and resolves when every connection is closed. */
  close(): Promise<void>;
}

/** Grace period for in-flight requests before connections are cut on close. */
const CLOSE_GRACE_MS = 2000;
const IDLE_SWEEP_MS = 20;

export async function startRestGateway(engine: EngineApi, opts: RestGatewayOptions): Promise<RestGateway> {
  const closing = new AbortController();
  const app = createRestApp(engine, closing.signal, opts.auth);
  const server = opts.tls ? createHttpsServer({ cert: opts.tls.cert, key: opts.tls.key }, app) : createHttpServer(app);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  // Long polls may legitimately stay open longer than Node's default request timeout of five minutes.
  server.requestTimeout = 0;

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= new Promise<void>((resolve, reject) => {
      // keep-alive connections go idle once their reply is written (long polls answer at once on `closing`)
      const sweep = setInterval(() => server.closeIdleConnections(), IDLE_SWEEP_MS);
      const force = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      server.close((err) => {
        clearInterval(sweep);
        clearTimeout(force);
        if (err) reject(err);
        else resolve();
      });
      closing.abort();
      server.closeIdleConnections();
    });
    return closed;
  };

  return { port: (server.address() as AddressInfo).port, close };
}

/**
 * The engine's management port, as a Zeebe broker has on 9600: Prometheus metrics at /actuator/prometheus and the
 * health probes at /actuator/health (and its liveness, readiness and startup groups). It carries no process data,
 * so it takes no credentials, like Zeebe's; keep it on a private address (ENGINE_HOST) or behind the scraper's
 * network.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EngineMetrics } from '../../metrics/engine-metrics';

const HEALTH_PATHS = new Set([
  '/actuator/health',
  '/actuator/health/liveness',
  '/actuator/health/readiness',
  '/actuator/health/startup',
  '/actuator/health/status',
]);

export interface MonitoringServer {
  port: number;
  close(): Promise<void>;
}

export interface MonitoringOptions {
  host: string;
  port: number;
  /** What /actuator/health says of the gateways (Spring Actuator's `components` shape): credentials and TLS. */
  gateway: { auth: 'oauth' | 'none'; tls: boolean };
}

export async function startMonitoringServer(
  metrics: EngineMetrics,
  options: MonitoringOptions,
): Promise<MonitoringServer> {
  const health = JSON.stringify({
    status: 'UP',
    components: { gateway: { status: 'UP', details: options.gateway } },
  });
  const answer = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/actuator/prometheus') {
      const { contentType, body } = await metrics.exposition();
      response.writeHead(200, { 'content-type': contentType }).end(body);
    } else if (HEALTH_PATHS.has(path)) {
      // The process answers only once the engine has loaded its state and its gateways listen.
      response
        .writeHead(200, { 'content-type': 'application/json' })
        .end(path === '/actuator/health' ? health : '{"status":"UP"}');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /actuator/prometheus\n');
    }
  };
  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(`metrics failed: ${error.message}\n`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/**
 * The gateway_protocol.Gateway gRPC adapter: Zeebe's gateway API over EngineApi, plus the standard
 * grpc.health.v1.Health service. Plaintext or TLS; with OAuth on, every gateway RPC needs a bearer token (the health
 * service stays open, so that probes need no credentials). Every RPC of the proto is registered, the ones this engine does not
 * do yet answer UNIMPLEMENTED naming the RPC.
 */
import { Server, ServerCredentials, type UntypedHandleCall } from '@grpc/grpc-js';
import { HealthImplementation } from 'grpc-health-check';
import type { EngineApi } from '../../engine-api';
import type { EngineAuth } from '../auth/engine-auth';
import { withAuthentication } from '../auth/grpc-authentication';
import type { TlsMaterial } from '../tls';
import { unimplemented, type GatewayLog } from './error-mapper';
import { GATEWAY_SERVICE_NAME, loadGatewayService } from './gateway-proto';
import { deploymentHandlers } from './handlers/deployment-handler';
import type { HandlerContext, RpcHandlers } from './handlers/handler-context';
import { decisionHandlers } from './handlers/decision-handler';
import { eventHandlers } from './handlers/event-handler';
import { incidentHandlers } from './handlers/incident-handler';
import { modificationHandlers } from './handlers/modification-handler';
import { jobActivationHandlers } from './handlers/job-activation-handler';
import { jobHandlers } from './handlers/job-handler';
import { processInstanceHandlers } from './handlers/process-instance-handler';
import { topologyHandlers } from './handlers/topology-handler';
import { variablesHandlers } from './handlers/variables-handler';
import { OpenStreams } from './rpc-call';

/** Big BPMN deployments must fit in one request. */
const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;
/** How long close() lets unary calls in flight finish before cutting them off. */
const SHUTDOWN_GRACE_MS = 5_000;

export interface GrpcGatewayOptions {
  host: string;
  /** 0: any free port. */
  port: number;
  /** Where unexpected errors are reported; console.error by default. */
  log?: GatewayLog;
  /** Who may call (OPEN_ACCESS only with ENGINE_AUTH=none): required, so that no caller opens the port by omission. */
  auth: EngineAuth;
  /** Serve TLS with this certificate and key. */
  tls?: TlsMaterial;
}

export interface GrpcGateway {
  /** The bound port. */
  port: number;
  close(): Promise<void>;
}

export async function startGrpcGateway(engine: EngineApi, opts: GrpcGatewayOptions): Promise<GrpcGateway> {
  const ctx: HandlerContext = { engine, log: opts.log ?? defaultLog, streams: new OpenStreams() };
  const server = new Server({
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  });
  const service = loadGatewayService();
  const handlers = withUnimplemented(Object.keys(service), gatewayHandlers(ctx));
  server.addService(service, withAuthentication(handlers, opts.auth));
  const health = new HealthImplementation({ '': 'SERVING', [GATEWAY_SERVICE_NAME]: 'SERVING' });
  health.addToServer(server);

  const port = await new Promise<number>((resolve, reject) => {
    const address = `${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${opts.port}`;
    server.bindAsync(address, serverCredentials(opts.tls), (err, bound) => (err ? reject(err) : resolve(bound)));
  });

  return {
    port,
    close: async () => {
      health.setStatus('', 'NOT_SERVING');
      health.setStatus(GATEWAY_SERVICE_NAME, 'NOT_SERVING');
      ctx.streams.finishAll();
      await shutdown(server);
    },
  };
}

function gatewayHandlers(ctx: HandlerContext): RpcHandlers {
  return {
    ...topologyHandlers(ctx),
    ...deploymentHandlers(ctx),
    ...processInstanceHandlers(ctx),
    ...variablesHandlers(ctx),
    ...jobActivationHandlers(ctx),
    ...jobHandlers(ctx),
    ...incidentHandlers(ctx),
    ...eventHandlers(ctx),
    ...decisionHandlers(ctx),
    ...modificationHandlers(ctx),
  };
}

/** Every RPC of the proto without a handler answers UNIMPLEMENTED with its name (all of them are unary or server-streaming). */
function withUnimplemented(rpcNames: string[], handlers: RpcHandlers): RpcHandlers {
  const all: RpcHandlers = { ...handlers };
  for (const rpc of rpcNames) {
    if (!all[rpc]) all[rpc] = unimplementedHandler(rpc);
  }
  return all;
}

function unimplementedHandler(rpc: string): UntypedHandleCall {
  return (call: { emit(event: 'error', error: unknown): void }, callback?: (error: unknown) => void) => {
    if (callback) callback(unimplemented(rpc));
    else call.emit('error', unimplemented(rpc));
  };
}

function serverCredentials(tls: TlsMaterial | undefined): ServerCredentials {
  if (!tls) return ServerCredentials.createInsecure();
  return ServerCredentials.createSsl(null, [{ cert_chain: tls.cert, private_key: tls.key }], false);
}

function shutdown(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const force = setTimeout(() => {
      server.forceShutdown();
      resolve();
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.tryShutdown(() => {
      clearTimeout(force);
      resolve();
    });
  });
}

function defaultLog(message: string, error?: unknown): void {
  console.error(`[grpc-gateway] ${message}`, error ?? '');
}

import type { UntypedServiceImplementation } from '@grpc/grpc-js';
import type { EngineApi } from '../../../engine-api';
import type { GatewayLog } from '../error-mapper';
import type { OpenStreams } from '../rpc-call';

/** What every RPC group's handlers are built from. */
export interface HandlerContext {
  engine: EngineApi;
  log: GatewayLog;
  streams: OpenStreams;
}

/** Handlers of one RPC group, keyed by the RPC's name in zeebe.proto. */
export type RpcHandlers = UntypedServiceImplementation;

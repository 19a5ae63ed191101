/**
 * Errors → gRPC statuses. An EngineError keeps its code and message; anything else is a bug and becomes INTERNAL
 * with its message, logged with the RPC that raised it.
 */
import { status, type StatusObject } from '@grpc/grpc-js';
import { EngineError } from '../../errors';

export type GatewayLog = (message: string, error?: unknown) => void;

export type GrpcError = Pick<StatusObject, 'code' | 'details'>;

export function toGrpcError(err: unknown, rpc: string, log: GatewayLog): GrpcError {
  if (err instanceof EngineError) {
    return { code: status[err.code], details: err.message };
  }
  const message = err instanceof Error ? err.message : String(err);
  log(`gRPC ${rpc} failed with an unexpected error: ${message}`, err);
  return { code: status.INTERNAL, details: `${rpc} failed: ${message}` };
}

export const unimplemented = (rpc: string): GrpcError => ({
  code: status.UNIMPLEMENTED,
  details: `${rpc} is not implemented yet by this engine`,
});

/**
 * Errors → gRPC statuses. An EngineError keeps its code and message; anything else is a bug and becomes INTERNAL
 * with its message, logged with the RPC that raised it. A message quoting the caller's input may hold a lone
 * surrogate (half of a UTF-16 pair): grpc-js passes the details to encodeURI, which throws on one, uncaught, and the
 * engine process died of it; such halves become U+FFFD.
 */
import { status, type StatusObject } from '@grpc/grpc-js';
import { EngineError } from '../../errors';

export type GatewayLog = (message: string, error?: unknown) => void;

export type GrpcError = Pick<StatusObject, 'code' | 'details'>;

export function toGrpcError(err: unknown, rpc: string, log: GatewayLog): GrpcError {
  if (err instanceof EngineError) {
    return { code: status[err.code], details: wellFormed(err.message) };
  }
  const message = err instanceof Error ? err.message : String(err);
  log(`gRPC ${rpc} failed with an unexpected error: ${message}`, err);
  return { code: status.INTERNAL, details: wellFormed(`${rpc} failed: ${message}`) };
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, not in our ES2022 lib). */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

export const unimplemented = (rpc: string): GrpcError => ({
  code: status.UNIMPLEMENTED,
  details: `${rpc} is not implemented yet by this engine`,
});

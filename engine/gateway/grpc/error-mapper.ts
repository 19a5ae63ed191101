/**
 * Errors → gRPC statuses. An EngineError keeps its code and message; anything else is a bug and becomes INTERNAL
 * with its message, logged with the RPC that raised it. A message quoting the caller's input may hold a lone
 * surrogate (half of a UTF-16 pair): grpc-js passes the details to encodeURI, which throws on one, uncaught, and the
 * engine process died of it; such halves become U+FFFD. The details travel in an HTTP/2 trailer: one quoting an
 * 80 KB expression never reached the client, whose call hung until its deadline; details are cut to
 * MAX_DETAILS_LENGTH characters.
 */
import { status, type StatusObject } from '@grpc/grpc-js';
import { EngineError } from '../../errors';

export type GatewayLog = (message: string, error?: unknown) => void;

export type GrpcError = Pick<StatusObject, 'code' | 'details'>;

export function toGrpcError(err: unknown, rpc: string, log: GatewayLog): GrpcError {
  if (err instanceof EngineError) {
    return { code: status[err.code], details: sendable(err.message) };
  }
  const message = err instanceof Error ? err.message : String(err);
  log(`gRPC ${rpc} failed with an unexpected error: ${message}`, err);
  return { code: status.INTERNAL, details: sendable(`${rpc} failed: ${message}`) };
}

/**
 * Far more than any message a person reads, and small enough for a trailer once percent-encoded (a Chinese
 * character becomes 9 bytes): a 20 KB trailer was delivered here, an 80 KB one not.
 */
export const MAX_DETAILS_LENGTH = 2_000;

/** Details a trailer can carry: well-formed and at most MAX_DETAILS_LENGTH characters. */
function sendable(details: string): string {
  const cut =
    details.length <= MAX_DETAILS_LENGTH
      ? details
      : `${details.slice(0, MAX_DETAILS_LENGTH)}… (${details.length - MAX_DETAILS_LENGTH} more characters)`;
  return wellFormed(cut);
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** `text` with every lone surrogate replaced by U+FFFD (String.prototype.toWellFormed, not in our ES2022 lib). */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\ufffd');

export const unimplemented = (rpc: string): GrpcError => ({
  code: status.UNIMPLEMENTED,
  details: `${rpc} is not implemented yet by this engine`,
});

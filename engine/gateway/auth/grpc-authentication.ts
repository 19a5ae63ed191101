import { status, type Metadata, type UntypedHandleCall } from '@grpc/grpc-js';
import type { GrpcError } from '../grpc/error-mapper';
import type { RpcHandlers } from '../grpc/handlers/handler-context';
import type { EngineAuth } from './engine-auth';

interface AnyCall {
  metadata: Metadata;
  emit(event: 'error', error: unknown): void;
}

/**
 * Every gateway RPC checks the call's `authorization: Bearer …` metadata before its handler runs; a missing, wrong
 * or expired token ends the call UNAUTHENTICATED. (All gateway RPCs are unary or server-streaming.)
 */
export function withAuthentication(handlers: RpcHandlers, auth: EngineAuth): RpcHandlers {
  if (!auth.enabled) return handlers;
  const guarded: RpcHandlers = {};
  for (const [rpc, handler] of Object.entries(handlers)) guarded[rpc] = guard(handler, auth);
  return guarded;
}

function guard(handler: UntypedHandleCall, auth: EngineAuth): UntypedHandleCall {
  const run = handler as (call: AnyCall, callback?: (error: unknown) => void) => void;
  return ((call: AnyCall, callback?: (error: unknown) => void) => {
    const header = call.metadata.get('authorization')[0];
    const refusal = auth.check(typeof header === 'string' ? header : undefined);
    if (refusal === undefined) return run(call, callback);
    const error: GrpcError = { code: status.UNAUTHENTICATED, details: refusal };
    if (callback) callback(error);
    else call.emit('error', error);
  }) as UntypedHandleCall;
}

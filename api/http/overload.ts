/**
 * Past capacity the API says so at once: a request beyond APP_MAX_IN_FLIGHT requests being served, or one the engine
 * refused for load, is answered 503 with Retry-After instead of waiting in a queue that grows until clients time out.
 */
import type { RequestHandler } from 'express';
import { engineStatusOf } from '../../lib/camunda/engine-status';

/** Seconds a client is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 1;

const BUSY = { code: 'OVERLOADED', message: '系统繁忙，请稍后重试 / the system is busy, please retry shortly' };
const ENGINE_BUSY = {
  code: 'ENGINE_BUSY',
  message: '流程引擎繁忙，请稍后重试 / the workflow engine is busy, please retry shortly',
};

export function limitInFlight(maxInFlight: number): RequestHandler {
  let inFlight = 0;
  return (_request, response, next) => {
    if (inFlight >= maxInFlight) {
      response
        .set({ 'Retry-After': String(RETRY_AFTER_SECONDS), Connection: 'close' })
        .status(503)
        .json(BUSY);
      return;
    }
    inFlight++;
    // `close` comes once per response, finished or aborted by the client.
    response.once('close', () => inFlight--);
    next();
  };
}

/** gRPC's RESOURCE_EXHAUSTED, as @grpc/grpc-js (and so the SDK's Zeebe client) reports it. */
const GRPC_RESOURCE_EXHAUSTED = 8;

/** The engine refused a command for load: backpressure (gRPC RESOURCE_EXHAUSTED, REST 503 or 429). */
export function isEngineBusy(error: unknown): boolean {
  const status = engineStatusOf(error);
  if (status === 503 || status === 429) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return code === GRPC_RESOURCE_EXHAUSTED || String((error as Error | null)?.message).includes('RESOURCE_EXHAUSTED');
}

export const engineBusyAnswer = { status: 503, retryAfter: RETRY_AFTER_SECONDS, body: ENGINE_BUSY };

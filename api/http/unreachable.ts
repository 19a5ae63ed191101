/**
 * A request that failed because the engine or the database could not be reached (stopped, restarting, the connection
 * lost) is answered 503 with Retry-After, not 500: nothing in the request was wrong, and a client that tries again
 * shortly succeeds once the part is back (found by the chaos run, bench/chaos; decision 0058).
 */

/** gRPC's UNAVAILABLE, as @grpc/grpc-js (and so the SDK's Zeebe client) reports it. */
const GRPC_UNAVAILABLE = 14;
/** Socket errors of a peer that is not there, or went away. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'PROTOCOL_CONNECTION_LOST',
]);
/** Sequelize's errors for a database it cannot reach. */
const SEQUELIZE_CONNECTION_ERRORS =
  /^Sequelize(Connection|ConnectionRefused|ConnectionAcquireTimeout|HostNotFound|HostNotReachable|ConnectionTimedOut)?Error$/;

export const RETRY_AFTER_UNREACHABLE_SECONDS = 2;

export const unreachableAnswer = {
  status: 503,
  retryAfter: RETRY_AFTER_UNREACHABLE_SECONDS,
  body: {
    code: 'SERVICE_UNAVAILABLE',
    message:
      '流程引擎或数据库暂时无法连接，请稍后重试 / the workflow engine or the database cannot be reached; retry shortly',
  },
};

function unreachableOne(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, name, message, fatal } = error as {
    code?: unknown;
    name?: unknown;
    message?: unknown;
    fatal?: unknown;
  };
  if (code === GRPC_UNAVAILABLE || (typeof message === 'string' && message.startsWith('14 UNAVAILABLE'))) return true;
  if (typeof code === 'string' && SOCKET_CODES.has(code)) return true;
  // mysql2 marks an error that ended its connection fatal (the server killed or restarting).
  if (fatal === true) return true;
  if (typeof name === 'string' && SEQUELIZE_CONNECTION_ERRORS.test(name) && name !== 'SequelizeError') return true;
  return message === 'fetch failed';
}

/** Whether the error, or an error it wraps (`cause`, Sequelize's `parent`), says a needed part was unreachable. */
export function isUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    if (unreachableOne(current)) return true;
    const { cause, parent } = current as { cause?: unknown; parent?: unknown };
    current = parent ?? cause;
  }
  return false;
}

/**
 * The engine's configuration, from environment variables, validated at start. Every problem is collected and
 * reported at once, each naming the variable, its value and what is expected. Defaults are the secure ones:
 * the engine listens on 127.0.0.1 unless ENGINE_HOST says otherwise.
 *
 *   ENGINE_GRPC_PORT              gRPC gateway port, 0..65535 (0 = any free port)       default 26500
 *   ENGINE_REST_PORT              REST v2 port, 0..65535 (0 = any free port)            default 8080
 *   ENGINE_HOST                   address to listen on (0.0.0.0 exposes the engine)     default 127.0.0.1
 *   ENGINE_DATABASE_URL           sqlite:<path> | sqlite::memory: | mysql://u:p@h:port/db | mariadb://...
 *                                                                                       default sqlite:./data/engine.db
 *   ENGINE_SQLITE_SYNCHRONOUS     FULL | NORMAL                                         default FULL
 *   ENGINE_MAX_QUEUED_COMMANDS    commands queued before RESOURCE_EXHAUSTED, >= 1       default 10000
 *   ENGINE_LONG_POLL_TIMEOUT_MS   ActivateJobs long-poll timeout when the request has none, ms, >= 0
 *                                                                                       default 10000
 */
import { isIP } from 'node:net';
import { createStorage, redact } from './storage/create-storage';

export interface EngineConfig {
  grpcPort: number;
  restPort: number;
  host: string;
  databaseUrl: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  maxQueuedCommands: number;
  defaultLongPollMs: number;
}

export const DEFAULT_ENGINE_CONFIG: Readonly<EngineConfig> = Object.freeze({
  grpcPort: 26500,
  restPort: 8080,
  host: '127.0.0.1',
  databaseUrl: 'sqlite:./data/engine.db',
  sqliteSynchronous: 'FULL',
  maxQueuedCommands: 10000,
  defaultLongPollMs: 10000,
});

export interface ConfigProblem {
  variable: string;
  value: string;
  expected: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: readonly ConfigProblem[]) {
    super(
      `invalid engine configuration (${problems.length} problem${problems.length === 1 ? '' : 's'}):\n` +
        problems.map((p) => `  ${p.variable}=${JSON.stringify(p.value)}: expected ${p.expected}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

export function loadEngineConfig(env: NodeJS.ProcessEnv = process.env): EngineConfig {
  const problems: ConfigProblem[] = [];

  /** The trimmed value, or undefined when unset or blank (blank means "use the default"). */
  const raw = (variable: string): string | undefined => {
    const v = env[variable]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };

  const integer = (variable: string, fallback: number, min: number, max: number, expected: string): number => {
    const v = raw(variable);
    if (v === undefined) return fallback;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      problems.push({ variable, value: env[variable] ?? '', expected });
      return fallback;
    }
    return n;
  };

  const port = (variable: string, fallback: number): number =>
    integer(variable, fallback, 0, 65535, 'a port number from 0 to 65535 (0 picks a free port)');

  const grpcPort = port('ENGINE_GRPC_PORT', DEFAULT_ENGINE_CONFIG.grpcPort);
  const restPort = port('ENGINE_REST_PORT', DEFAULT_ENGINE_CONFIG.restPort);
  if (grpcPort !== 0 && grpcPort === restPort) {
    const grpcSet = raw('ENGINE_GRPC_PORT') !== undefined;
    problems.push({
      variable: grpcSet ? 'ENGINE_GRPC_PORT' : 'ENGINE_REST_PORT',
      value: (grpcSet ? env.ENGINE_GRPC_PORT : env.ENGINE_REST_PORT) ?? '',
      expected: grpcSet
        ? `a port different from ENGINE_REST_PORT (${restPort})`
        : `a port different from ENGINE_GRPC_PORT (${grpcPort})`,
    });
  }

  let host = raw('ENGINE_HOST') ?? DEFAULT_ENGINE_CONFIG.host;
  if (!isHost(host)) {
    problems.push({
      variable: 'ENGINE_HOST',
      value: env.ENGINE_HOST ?? '',
      expected: 'an IP address or host name to listen on (127.0.0.1 for this machine only, 0.0.0.0 for all)',
    });
    host = DEFAULT_ENGINE_CONFIG.host;
  }

  const databaseUrl = raw('ENGINE_DATABASE_URL') ?? DEFAULT_ENGINE_CONFIG.databaseUrl;
  try {
    createStorage(databaseUrl); // parses the URL only; nothing is opened
  } catch (err) {
    problems.push({
      variable: 'ENGINE_DATABASE_URL',
      value: redact(env.ENGINE_DATABASE_URL ?? ''),
      expected:
        'sqlite:<path>, sqlite::memory:, mysql://user:pass@host:port/db or mariadb://user:pass@host:port/db' +
        ` (${err instanceof Error ? err.message : String(err)})`,
    });
  }

  let sqliteSynchronous = DEFAULT_ENGINE_CONFIG.sqliteSynchronous;
  const sync = raw('ENGINE_SQLITE_SYNCHRONOUS');
  if (sync !== undefined) {
    const upper = sync.toUpperCase();
    if (upper === 'FULL' || upper === 'NORMAL') sqliteSynchronous = upper;
    else {
      problems.push({
        variable: 'ENGINE_SQLITE_SYNCHRONOUS',
        value: env.ENGINE_SQLITE_SYNCHRONOUS ?? '',
        expected:
          'FULL (every acknowledged command survives power loss) or NORMAL (faster, may lose the last commits on power loss)',
      });
    }
  }

  const maxQueuedCommands = integer(
    'ENGINE_MAX_QUEUED_COMMANDS',
    DEFAULT_ENGINE_CONFIG.maxQueuedCommands,
    1,
    10_000_000,
    'an integer from 1 to 10000000',
  );
  const defaultLongPollMs = integer(
    'ENGINE_LONG_POLL_TIMEOUT_MS',
    DEFAULT_ENGINE_CONFIG.defaultLongPollMs,
    0,
    24 * 3600 * 1000,
    'a duration in milliseconds from 0 to 86400000',
  );

  if (problems.length > 0) throw new ConfigError(problems);
  return { grpcPort, restPort, host, databaseUrl, sqliteSynchronous, maxQueuedCommands, defaultLongPollMs };
}

function isHost(host: string): boolean {
  if (isIP(host) !== 0) return true;
  // A DNS name (RFC 1123 labels), e.g. localhost or engine.internal.
  return (
    host.length <= 253 && host.split('.').every((label) => /^[a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?$/.test(label))
  );
}

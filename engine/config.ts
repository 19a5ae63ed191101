/**
 * The engine's configuration, from the environment variables declared in ./config-schema.ts (see there, or
 * README's Configuration table, for each one), validated at start: every problem is collected and reported at
 * once, each naming the variable, its value and what is expected.
 */
import { ConfigError, ENGINE_CROSS_CHECKS, ENGINE_VARIABLES, readVariables, type Environment } from './config-schema';
import type { OAuthSettings } from './gateway/auth/engine-auth';
import type { TlsFiles } from './gateway/tls';

export { ConfigError, type ConfigProblem } from './config-schema';

export interface EngineConfig {
  grpcPort: number;
  restPort: number;
  monitoringPort: number;
  host: string;
  databaseUrl: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  maxQueuedCommands: number;
  defaultLongPollMs: number;
  /** OAuth client credentials, or undefined with ENGINE_AUTH=none; without a signing key main() makes one. */
  oauth?: Omit<OAuthSettings, 'signingKey'> & { signingKey?: string };
  /** TLS certificate and key files, or undefined for plaintext. */
  tls?: TlsFiles;
}

/** The audience a token carries when the client asks for none (the Camunda clients' default). */
const DEFAULT_AUDIENCE = 'zeebe.camunda.io';

export function loadEngineConfig(env: Environment = process.env): EngineConfig {
  const { values, problems } = readVariables(ENGINE_VARIABLES, env, ENGINE_CROSS_CHECKS);
  if (problems.length > 0) throw new ConfigError(problems, 'engine configuration');
  return {
    grpcPort: values.ENGINE_GRPC_PORT,
    restPort: values.ENGINE_REST_PORT,
    monitoringPort: values.ENGINE_MONITORING_PORT,
    host: values.ENGINE_HOST,
    databaseUrl: values.ENGINE_DATABASE_URL,
    sqliteSynchronous: values.ENGINE_SQLITE_SYNCHRONOUS,
    maxQueuedCommands: values.ENGINE_MAX_QUEUED_COMMANDS,
    defaultLongPollMs: values.ENGINE_LONG_POLL_TIMEOUT_MS,
    oauth:
      values.ENGINE_AUTH === 'oauth'
        ? {
            // the cross checks make sure both are set
            clientId: values.ENGINE_AUTH_CLIENT_ID ?? '',
            clientSecret: values.ENGINE_AUTH_CLIENT_SECRET ?? '',
            signingKey: values.ENGINE_AUTH_SIGNING_KEY,
            tokenTtlSeconds: values.ENGINE_AUTH_TOKEN_TTL_SECONDS,
            defaultAudience: DEFAULT_AUDIENCE,
          }
        : undefined,
    tls:
      values.ENGINE_TLS_CERT_PATH && values.ENGINE_TLS_KEY_PATH
        ? { certPath: values.ENGINE_TLS_CERT_PATH, keyPath: values.ENGINE_TLS_KEY_PATH }
        : undefined,
  };
}

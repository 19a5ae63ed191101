/**
 * The engine's configuration, from the environment variables declared in ./config-schema.ts (see there, or
 * README's Configuration table, for each one), validated at start: every problem is collected and reported at
 * once, each naming the variable, its value and what is expected.
 */
import { ConfigError, ENGINE_VARIABLES, enginePortsDiffer, readVariables, type Environment } from './config-schema';

export { ConfigError, type ConfigProblem } from './config-schema';

export interface EngineConfig {
  grpcPort: number;
  restPort: number;
  host: string;
  databaseUrl: string;
  sqliteSynchronous: 'FULL' | 'NORMAL';
  maxQueuedCommands: number;
  defaultLongPollMs: number;
}

export function loadEngineConfig(env: Environment = process.env): EngineConfig {
  const { values, problems } = readVariables(ENGINE_VARIABLES, env, [enginePortsDiffer]);
  if (problems.length > 0) throw new ConfigError(problems, 'engine configuration');
  return {
    grpcPort: values.ENGINE_GRPC_PORT,
    restPort: values.ENGINE_REST_PORT,
    host: values.ENGINE_HOST,
    databaseUrl: values.ENGINE_DATABASE_URL,
    sqliteSynchronous: values.ENGINE_SQLITE_SYNCHRONOUS,
    maxQueuedCommands: values.ENGINE_MAX_QUEUED_COMMANDS,
    defaultLongPollMs: values.ENGINE_LONG_POLL_TIMEOUT_MS,
  };
}

/** The configuration with nothing set. */
export const DEFAULT_ENGINE_CONFIG: Readonly<EngineConfig> = Object.freeze(loadEngineConfig({}));

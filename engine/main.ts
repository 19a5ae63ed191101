import { randomBytes } from 'node:crypto';
import { ConfigError, loadEngineConfig, type EngineConfig } from './config';
import { Engine } from './engine';
import { OPEN_ACCESS, oauthAccess, type EngineAuth } from './gateway/auth/engine-auth';
import { startGrpcGateway } from './gateway/grpc/grpc-gateway';
import { startRestGateway } from './gateway/rest/rest-gateway';
import { readTls } from './gateway/tls';
import { createStorage, redact } from './storage/create-storage';

/** Starts the engine with its gRPC and REST gateways, configured from the environment. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadEngineConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const auth = engineAuth(config);
  const tls = config.tls ? readTls(config.tls) : undefined;
  const storage = createStorage(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  const engine = new Engine(storage, {
    maxQueuedCommands: config.maxQueuedCommands,
    defaultLongPollMs: config.defaultLongPollMs,
  });
  await engine.start();
  const grpc = await startGrpcGateway(engine, { host: config.host, port: config.grpcPort, auth, tls });
  const rest = await startRestGateway(engine, { host: config.host, port: config.restPort, auth, tls });
  // Tests and scripts wait for this line; keep its shape.
  console.log(
    `engine ready grpc=${config.host}:${grpc.port} rest=${config.host}:${rest.port} database=${redact(config.databaseUrl)}` +
      ` auth=${auth.enabled ? 'oauth' : 'none'} tls=${tls ? 'on' : 'off'}`,
  );
  const shutdown = async (): Promise<void> => {
    await Promise.allSettled([grpc.close(), rest.close()]);
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

function engineAuth(config: EngineConfig): EngineAuth {
  if (!config.oauth) {
    console.warn(
      'engine: WARNING ENGINE_AUTH=none: the gRPC and REST ports take calls without credentials; anyone who reaches them controls every process',
    );
    return OPEN_ACCESS;
  }
  // Without a configured key, tokens end with this process; clients then fetch new ones.
  return oauthAccess({ ...config.oauth, signingKey: config.oauth.signingKey ?? randomBytes(32).toString('base64url') });
}

main().catch((error) => {
  console.error('engine failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

import { ConfigError, loadEngineConfig } from './config';
import { Engine } from './engine';
import { startGrpcGateway } from './gateway/grpc/grpc-gateway';
import { startRestGateway } from './gateway/rest/rest-gateway';
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
  const storage = createStorage(config.databaseUrl, { sqliteSynchronous: config.sqliteSynchronous });
  const engine = new Engine(storage, {
    maxQueuedCommands: config.maxQueuedCommands,
    defaultLongPollMs: config.defaultLongPollMs,
  });
  await engine.start();
  const grpc = await startGrpcGateway(engine, { host: config.host, port: config.grpcPort });
  const rest = await startRestGateway(engine, { host: config.host, port: config.restPort });
  // Tests and scripts wait for this line; keep its shape.
  console.log(
    `engine ready grpc=${config.host}:${grpc.port} rest=${config.host}:${rest.port} database=${redact(config.databaseUrl)}`,
  );
  const shutdown = async (): Promise<void> => {
    await Promise.allSettled([grpc.close(), rest.close()]);
    await engine.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((error) => {
  console.error('engine failed to start:', error instanceof Error ? error.message : error);
  process.exit(1);
});

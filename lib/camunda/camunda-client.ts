/**
 * The one way the application reaches the engine: @camunda8/sdk over the public gRPC and REST APIs. Pointing
 * ZEEBE_GRPC_ADDRESS / ZEEBE_REST_ADDRESS and the OAuth settings (CAMUNDA_AUTH_STRATEGY=OAUTH, ZEEBE_CLIENT_ID,
 * ZEEBE_CLIENT_SECRET, CAMUNDA_OAUTH_URL) at a Camunda 8 cluster is all it takes to run on one; under npm start they
 * point at the embedded engine and its own client.
 */
import { Camunda8 } from '@camunda8/sdk';
import type { AppConfig } from '../config/app-config';

export type CamundaClients = {
  zeebe: ReturnType<Camunda8['getZeebeGrpcApiClient']>;
  rest: ReturnType<Camunda8['getCamundaRestClient']>;
  /** The SDK's Orchestration Cluster API client, for the REST v2 calls the older REST client lacks (task forms). */
  cluster: ReturnType<Camunda8['getOrchestrationClusterApiClientLoose']>;
  close(): Promise<void>;
};

export function createCamundaClients(
  config: Pick<
    AppConfig,
    | 'ZEEBE_GRPC_ADDRESS'
    | 'ZEEBE_REST_ADDRESS'
    | 'CAMUNDA_AUTH_STRATEGY'
    | 'ZEEBE_CLIENT_ID'
    | 'ZEEBE_CLIENT_SECRET'
    | 'CAMUNDA_OAUTH_URL'
    | 'CAMUNDA_LOG_LEVEL'
    | 'ZEEBE_CLIENT_LOG_LEVEL'
  >,
): CamundaClients {
  mirrorClientCredentialsForPolls(config);
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: config.ZEEBE_GRPC_ADDRESS,
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    CAMUNDA_AUTH_STRATEGY: config.CAMUNDA_AUTH_STRATEGY,
    // unset ones are left out, so that the SDK's own reading of the environment still applies
    ...definedOnly({
      ZEEBE_CLIENT_ID: config.ZEEBE_CLIENT_ID,
      ZEEBE_CLIENT_SECRET: config.ZEEBE_CLIENT_SECRET,
      CAMUNDA_OAUTH_URL: config.CAMUNDA_OAUTH_URL,
    }),
    // tokens stay in this process's memory, not in files under the home folder
    CAMUNDA_TOKEN_DISK_CACHE_DISABLE: true,
    CAMUNDA_LOG_LEVEL: config.CAMUNDA_LOG_LEVEL,
    zeebeGrpcSettings: {
      ZEEBE_CLIENT_LOG_LEVEL: config.ZEEBE_CLIENT_LOG_LEVEL,
      ZEEBE_GRPC_CLIENT_CONNECTION_TOLERANCE_MS: 500,
    },
  });
  const zeebe = camunda.getZeebeGrpcApiClient();
  const rest = camunda.getCamundaRestClient();
  const cluster = camunda.getOrchestrationClusterApiClientLoose();
  return {
    zeebe,
    rest,
    cluster,
    close: async () => {
      rest.stopWorkers();
      await zeebe.close(2000);
    },
  };
}

/**
 * @camunda8/orchestration-cluster-api's eventual-consistency poll (task completion, among others) reads its
 * configuration from process.env again, not from the settings given here, and under CAMUNDA_AUTH_STRATEGY=OAUTH it
 * requires CAMUNDA_CLIENT_ID / CAMUNDA_CLIENT_SECRET, the newer names of ZEEBE_CLIENT_ID / ZEEBE_CLIENT_SECRET. When
 * the environment says OAUTH with the older names only, the newer ones are filled in from them.
 */
function mirrorClientCredentialsForPolls(config: Pick<AppConfig, 'ZEEBE_CLIENT_ID' | 'ZEEBE_CLIENT_SECRET'>): void {
  if (process.env.CAMUNDA_AUTH_STRATEGY?.trim().toUpperCase() !== 'OAUTH') return;
  if (!process.env.CAMUNDA_CLIENT_ID && config.ZEEBE_CLIENT_ID) process.env.CAMUNDA_CLIENT_ID = config.ZEEBE_CLIENT_ID;
  if (!process.env.CAMUNDA_CLIENT_SECRET && config.ZEEBE_CLIENT_SECRET)
    process.env.CAMUNDA_CLIENT_SECRET = config.ZEEBE_CLIENT_SECRET;
}

function definedOnly<T extends Record<string, string | undefined>>(values: T): Partial<Record<keyof T, string>> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<
    Record<keyof T, string>
  >;
}

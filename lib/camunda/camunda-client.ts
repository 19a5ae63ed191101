/**
 * The one way the application reaches the engine: @camunda8/sdk over the public gRPC and REST APIs. Pointing
 * ZEEBE_GRPC_ADDRESS / ZEEBE_REST_ADDRESS (and the SDK's CAMUNDA_* auth settings) at a Camunda 8 cluster is all it
 * takes to run on one.
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
    | 'CAMUNDA_LOG_LEVEL'
    | 'ZEEBE_CLIENT_LOG_LEVEL'
  >,
): CamundaClients {
  const camunda = new Camunda8({
    ZEEBE_GRPC_ADDRESS: config.ZEEBE_GRPC_ADDRESS,
    ZEEBE_REST_ADDRESS: config.ZEEBE_REST_ADDRESS,
    CAMUNDA_AUTH_STRATEGY: config.CAMUNDA_AUTH_STRATEGY,
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

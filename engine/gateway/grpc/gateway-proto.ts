/**
 * Loads gateway_protocol.Gateway from the zeebe.proto that @camunda8/sdk ships, so the adapter serves exactly the
 * contract the official client speaks. Field names are kept as written in the proto (they are camelCase there).
 */
import type { ServiceDefinition } from '@grpc/grpc-js';
import { loadSync } from '@grpc/proto-loader';

export const GATEWAY_SERVICE_NAME = 'gateway_protocol.Gateway';

export const ZEEBE_PROTO_PATH = require.resolve('@camunda8/sdk/dist/proto/zeebe.proto');

export function loadGatewayService(): ServiceDefinition {
  const definition = loadSync(ZEEBE_PROTO_PATH, {
    keepCase: true,
    longs: String,
    enums: String,
    defaults: true,
    oneofs: true,
  });
  return definition[GATEWAY_SERVICE_NAME] as ServiceDefinition;
}

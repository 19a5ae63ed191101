import type { BrokerTopology } from '../../../engine-api';

/** GET /v2/topology: the REST shape spells partition roles and health in lower case. */
export function toTopologyResponse(topology: BrokerTopology) {
  return {
    brokers: topology.brokers.map((broker) => ({
      nodeId: broker.nodeId,
      host: broker.host,
      port: broker.port,
      version: broker.version,
      partitions: broker.partitions.map((partition) => ({
        partitionId: partition.partitionId,
        role: partition.role.toLowerCase(),
        health: partition.health.toLowerCase(),
      })),
    })),
    clusterSize: topology.clusterSize,
    partitionsCount: topology.partitionsCount,
    replicationFactor: topology.replicationFactor,
    gatewayVersion: topology.gatewayVersion,
    lastCompletedChangeId: '-1',
  };
}

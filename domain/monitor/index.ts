/** The monitor for managers (decision 0038): processes, instances, an instance's detail and actions, heatmaps. */
export { INSTANCE_SORTS, INSTANCE_STATES, instanceListInput, type InstanceListInput } from './instance-filter';
export { listInstances, type InstanceRow } from './instance-list-use-case';
export { processOverview, type ProcessOverview } from './process-overview-use-case';
export { instanceDetail } from './instance-detail-use-case';
export { cancelInstance, retryInstance, setInstanceVariable, type InstanceAction } from './instance-actions-use-case';
export { processHeatmap, percentile90, DURATION_SAMPLE } from './process-heatmap-use-case';

/**
 * Where a process's cases wait: on one deployed version's diagram, per element, how many instances are there now
 * (the engine's element statistics), how many of its open tasks are overdue, and the mean and 90th-percentile time
 * the step takes, from its latest DURATION_SAMPLE completions. Other units' cases are left out of every figure
 * (decision 0025), which is why the statistics are asked with a filter.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import {
  countUserTasks,
  processDefinitionStatistics,
  processDefinitionXml,
  searchElementInstances,
  searchProcessDefinitions,
} from '../../lib/camunda/engine-api';
import { notFound } from '../../lib/errors/app-error';
import { caseKeysOutOfScope, instancesOfCases, STEP_TYPES } from '../cases';
import type { ScopeUser } from '../users';
import { overdueTaskFilter } from './overdue-steps';

/** The completions of a step its times are read from, the latest first. */
export const DURATION_SAMPLE = 500;

export interface StepHeat {
  elementId: string;
  active: number;
  incidents: number;
  completed: number;
  overdue: number;
  /** The overdue count reached the engine search's counting limit (10,000): it is a lower bound. */
  overdueAtLeast: boolean;
  /** From the sampled completions; null when the step has none. */
  meanMs: number | null;
  p90Ms: number | null;
  sampled: number;
}

/** The value at or below which 90% of `sorted` lie (nearest rank). */
export function percentile90(sorted: number[]): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.ceil(0.9 * sorted.length) - 1];
}

async function stepDurations(camunda: CamundaClients, filter: Record<string, unknown>) {
  const done = await searchElementInstances(camunda, {
    filter: { ...filter, state: 'COMPLETED', type: { $in: [...STEP_TYPES] } },
    sort: [{ field: 'endDate', order: 'DESC' }],
    page: { limit: DURATION_SAMPLE },
  });
  const times = done
    .filter((element) => element.endDate)
    .map((element) => Date.parse(String(element.endDate)) - Date.parse(String(element.startDate)))
    .sort((a, b) => a - b);
  const mean = times.length ? Math.round(times.reduce((sum, time) => sum + time, 0) / times.length) : null;
  return { meanMs: mean, p90Ms: percentile90(times), sampled: times.length };
}

export async function processHeatmap(
  camunda: CamundaClients,
  reader: ScopeUser,
  processDefinitionId: string,
  version?: number,
) {
  const versions = (await searchProcessDefinitions(camunda)).filter(
    (definition) => definition.processDefinitionId === processDefinitionId,
  );
  const chosen = version
    ? versions.find((definition) => definition.version === version)
    : versions.reduce<(typeof versions)[number] | undefined>((a, b) => (a && a.version > b.version ? a : b), undefined);
  if (!chosen) throw notFound('流程 / process', `${processDefinitionId}${version ? ` v${version}` : ''}`);
  const { processDefinitionKey } = chosen;
  const outside = await instancesOfCases(camunda, await caseKeysOutOfScope(reader));
  const inScope = outside.length ? { processInstanceKey: { $notIn: outside } } : {};
  const [xml, statistics] = await Promise.all([
    processDefinitionXml(camunda, processDefinitionKey),
    processDefinitionStatistics(camunda, processDefinitionKey, outside.length ? inScope : undefined),
  ]);
  const steps: StepHeat[] = await Promise.all(
    statistics.map(async (item) => {
      const [overdue, durations] = await Promise.all([
        item.active > 0
          ? countUserTasks(camunda, {
              ...overdueTaskFilter(),
              processDefinitionKey,
              elementId: item.elementId,
              ...inScope,
            })
          : { count: 0, more: false },
        item.completed > 0
          ? stepDurations(camunda, { processDefinitionKey, elementId: item.elementId, ...inScope })
          : { meanMs: null, p90Ms: null, sampled: 0 },
      ]);
      return {
        elementId: item.elementId,
        active: item.active,
        incidents: item.incidents,
        completed: item.completed,
        overdue: overdue.count,
        overdueAtLeast: overdue.more,
        ...durations,
      };
    }),
  );
  return {
    processDefinitionId,
    processDefinitionName: chosen.name ?? processDefinitionId,
    processDefinitionKey,
    version: chosen.version,
    versions: versions.map((definition) => definition.version).sort((a, b) => b - a),
    xml,
    steps: steps.filter((step) => step.active || step.completed || step.incidents),
    durationSample: DURATION_SAMPLE,
  };
}

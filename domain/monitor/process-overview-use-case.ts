/**
 * The processes screen: each process the application deploys, with its versions and how many of its instances are
 * running, have an incident and are overdue; 变更用电 and 95598 (and 业扩's new/increase) also per business type.
 * Counts come from the engine's searches (a search of one item read for its total), so they are exact at any size.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import {
  countProcessInstances,
  searchProcessDefinitions,
  searchUserTasks,
  type EngineProcessDefinition,
} from '../../lib/camunda/engine-api';
import { instancesOfCases } from '../cases';
import { jsonText, PROCESS_ORDER, TYPED_PROCESSES } from './monitored-processes';
import { OVERDUE_TASKS_LIMIT, overdueCaseKeys, overdueTaskFilter } from './overdue-steps';

export interface ProcessCounts {
  running: number;
  incidents: number;
  overdue: number;
}

export interface ProcessOverview extends ProcessCounts {
  processDefinitionId: string;
  processDefinitionName: string;
  versions: { version: number; processDefinitionKey: string }[];
  types: ({ type: string } & ProcessCounts)[];
}

/** The running instances matching `filter`, those with an incident, and those among `overdue` (instance keys). */
async function counts(
  camunda: CamundaClients,
  filter: Record<string, unknown>,
  overdue: string[],
): Promise<ProcessCounts> {
  const running = { ...filter, state: 'ACTIVE' };
  const [all, incidents, late] = await Promise.all([
    countProcessInstances(camunda, running),
    countProcessInstances(camunda, { ...running, hasIncident: true }),
    overdue.length ? countProcessInstances(camunda, { ...running, processInstanceKey: { $in: overdue } }) : 0,
  ]);
  return { running: all, incidents, overdue: late };
}

const rank = (id: string) => (PROCESS_ORDER.includes(id) ? PROCESS_ORDER.indexOf(id) : PROCESS_ORDER.length);

/** The instances (of any process) with an overdue task: the tasks' own and their cases' instances. */
async function overdueInstances(camunda: CamundaClients): Promise<string[]> {
  const tasks = await searchUserTasks(camunda, { filter: overdueTaskFilter(), page: { limit: OVERDUE_TASKS_LIMIT } });
  const own = tasks.map((task) => String(task.processInstanceKey));
  const ofCases = await instancesOfCases(camunda, await overdueCaseKeys(camunda));
  return [...new Set([...own, ...ofCases])];
}

export async function processOverview(camunda: CamundaClients): Promise<ProcessOverview[]> {
  const [definitions, overdue] = await Promise.all([searchProcessDefinitions(camunda), overdueInstances(camunda)]);
  const byProcess = new Map<string, EngineProcessDefinition[]>();
  for (const definition of definitions)
    byProcess.set(definition.processDefinitionId, [
      ...(byProcess.get(definition.processDefinitionId) ?? []),
      definition,
    ]);
  const processes = [...byProcess.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  return Promise.all(
    processes.map(async ([processDefinitionId, versions]) => {
      const typed = TYPED_PROCESSES[processDefinitionId];
      const newest = versions.reduce((a, b) => (a.version > b.version ? a : b));
      const [own, types] = await Promise.all([
        counts(camunda, { processDefinitionId }, overdue),
        Promise.all(
          (typed?.types ?? []).map(async (type) => ({
            type,
            ...(await counts(
              camunda,
              { processDefinitionId, variables: [{ name: typed!.variable, value: jsonText(type) }] },
              overdue,
            )),
          })),
        ),
      ]);
      return {
        processDefinitionId,
        processDefinitionName: newest.name ?? processDefinitionId,
        versions: versions
          .map((v) => ({ version: v.version, processDefinitionKey: v.processDefinitionKey }))
          .sort((a, b) => b.version - a.version),
        ...own,
        types,
      };
    }),
  );
}

/**
 * The processes screen: each process the application deploys, with its versions and how many of its instances are
 * running, have an incident and are overdue, in all and per version; 变更用电 and 95598 (and 业扩's new/increase) also
 * per business type. Other units' cases are left out of every count (decision 0025). Counts come from the engine's
 * searches (a search of one item read for its total): exact up to the 10,000 a Camunda search counts, and past it a
 * row says its figures are lower bounds (`atLeast`); the overdue ones are as far as OVERDUE_TASKS_LIMIT tasks tell,
 * and the answer says when more were overdue (`overdueCapped`).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import {
  countProcessInstances,
  searchProcessDefinitions,
  type EngineProcessDefinition,
} from '../../lib/camunda/engine-api';
import { caseKeysOutOfScope, instancesOfCases } from '../cases';
import type { ScopeUser } from '../users';
import { jsonText, PROCESS_ORDER, TYPED_PROCESSES } from './monitored-processes';
import { overdueCases } from './overdue-steps';

export interface ProcessCounts {
  running: number;
  incidents: number;
  overdue: number;
  /** A count reached the engine search's counting limit (10,000): the row's figures are lower bounds ("10000+"). */
  atLeast: boolean;
}

export interface ProcessOverview extends ProcessCounts {
  processDefinitionId: string;
  processDefinitionName: string;
  versions: ({ version: number; processDefinitionKey: string } & ProcessCounts)[];
  types: ({ type: string } & ProcessCounts)[];
}

/** What every count shares: the instances outside the reader's units, and the overdue ones within them. */
interface CountScope {
  outside: string[];
  overdue: string[];
}

/** The running instances matching `filter` and in the reader's units, those with an incident, those overdue. */
async function counts(
  camunda: CamundaClients,
  filter: Record<string, unknown>,
  { outside, overdue }: CountScope,
): Promise<ProcessCounts> {
  const running = {
    ...filter,
    state: 'ACTIVE',
    ...(outside.length ? { processInstanceKey: { $notIn: outside } } : {}),
  };
  const [all, incidents, late] = await Promise.all([
    countProcessInstances(camunda, running),
    countProcessInstances(camunda, { ...running, hasIncident: true }),
    overdue.length
      ? countProcessInstances(camunda, { ...running, processInstanceKey: { $in: overdue } })
      : { count: 0, more: false },
  ]);
  return {
    running: all.count,
    incidents: incidents.count,
    overdue: late.count,
    atLeast: all.more || incidents.more || late.more,
  };
}

const rank = (id: string) => (PROCESS_ORDER.includes(id) ? PROCESS_ORDER.indexOf(id) : PROCESS_ORDER.length);

/** The instances out of the reader's units, and the overdue ones in them: a task's own and its case's instances. */
async function countScope(camunda: CamundaClients, reader: ScopeUser): Promise<CountScope & { capped: boolean }> {
  const [outside, late] = await Promise.all([
    caseKeysOutOfScope(reader).then((keys) => instancesOfCases(camunda, keys)),
    overdueCases(camunda),
  ]);
  const ofCases = await instancesOfCases(camunda, late.caseKeys);
  const left = new Set(outside);
  const overdue = [...new Set([...late.instanceKeys, ...ofCases])].filter((key) => !left.has(key));
  return { outside, overdue, capped: late.capped };
}

export async function processOverview(
  camunda: CamundaClients,
  reader: ScopeUser,
): Promise<{ items: ProcessOverview[]; overdueCapped: boolean }> {
  const [definitions, scope] = await Promise.all([searchProcessDefinitions(camunda), countScope(camunda, reader)]);
  const byProcess = new Map<string, EngineProcessDefinition[]>();
  for (const definition of definitions)
    byProcess.set(definition.processDefinitionId, [
      ...(byProcess.get(definition.processDefinitionId) ?? []),
      definition,
    ]);
  const processes = [...byProcess.entries()].sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b));
  const items = await Promise.all(
    processes.map(async ([processDefinitionId, versions]) => {
      const typed = TYPED_PROCESSES[processDefinitionId];
      const newest = versions.reduce((a, b) => (a.version > b.version ? a : b));
      const [own, perVersion, types] = await Promise.all([
        counts(camunda, { processDefinitionId }, scope),
        Promise.all(
          [...versions]
            .sort((a, b) => b.version - a.version)
            .map(async ({ version, processDefinitionKey }) => ({
              version,
              processDefinitionKey,
              ...(await counts(camunda, { processDefinitionKey }, scope)),
            })),
        ),
        Promise.all(
          (typed?.types ?? []).map(async (type) => ({
            type,
            ...(await counts(
              camunda,
              { processDefinitionId, variables: [{ name: typed!.variable, value: jsonText(type) }] },
              scope,
            )),
          })),
        ),
      ]);
      return {
        processDefinitionId,
        processDefinitionName: newest.name ?? processDefinitionId,
        versions: perVersion,
        ...own,
        types,
      };
    }),
  );
  return { items, overdueCapped: scope.capped };
}

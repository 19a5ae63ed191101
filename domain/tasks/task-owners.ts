/**
 * The case each task belongs to, and through it the case's unit and starter (decision 0025): one variable search
 * for the tasks' `businessKey`s (a called instance carries its caller's), then the areas' records.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import type { EngineUserTask } from '../../lib/camunda/engine-api';
import { businessKeysOfInstances, caseOwners, type CaseOwner } from '../cases';
import { inScope, unitScope, type ScopeUser } from '../users';

/** Task key → the owner of its case; tasks of no known case are left out. */
export async function taskOwners(camunda: CamundaClients, tasks: EngineUserTask[]): Promise<Map<string, CaseOwner>> {
  const instanceKeys = [...new Set(tasks.map((task) => String(task.processInstanceKey)))];
  const businessKeys = await businessKeysOfInstances(camunda, instanceKeys);
  const owners = await caseOwners([...businessKeys.values()]);
  const byTask = new Map<string, CaseOwner>();
  for (const task of tasks) {
    const owner = owners.get(businessKeys.get(String(task.processInstanceKey)) ?? '');
    if (owner) byTask.set(task.userTaskKey, owner);
  }
  return byTask;
}

/** The tasks whose case is in the user's units (or belongs to no known case). */
export async function tasksInUnits<T extends EngineUserTask>(
  camunda: CamundaClients,
  user: ScopeUser,
  tasks: T[],
): Promise<T[]> {
  const scope = await unitScope(user);
  if (scope === null || tasks.length === 0) return tasks;
  const owners = await taskOwners(camunda, tasks);
  return tasks.filter((task) => {
    const owner = owners.get(task.userTaskKey);
    return !owner || inScope(scope, owner.unitCode);
  });
}

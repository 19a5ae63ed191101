/**
 * The business key of each process instance, by one variable search per slice of instances (the engine's advanced
 * `$in` filter; a called instance carries its caller's key). Unit scope of tasks and "my cases" start here.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { searchVariables } from '../../lib/camunda/engine-api';

/** The engine's advanced `$in` filter takes the keys in slices of this many. */
const SLICE = 500;

export async function businessKeysOfInstances(
  camunda: CamundaClients,
  instanceKeys: string[],
): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (let start = 0; start < instanceKeys.length; start += SLICE) {
    const slice = instanceKeys.slice(start, start + SLICE);
    const found = await searchVariables(camunda, {
      filter: { name: 'businessKey', processInstanceKey: { $in: slice } },
      page: { limit: slice.length * 4 },
    });
    for (const variable of found) {
      const value = JSON.parse(variable.value) as unknown;
      if (typeof value === 'string') keys.set(String(variable.processInstanceKey), value);
    }
  }
  return keys;
}

/** Instances whose `businessKey` is one of `keys` (a called instance carries its caller's key). */
export async function instancesOfCases(camunda: CamundaClients, keys: string[]): Promise<string[]> {
  const instances: string[] = [];
  for (let start = 0; start < keys.length; start += SLICE) {
    const found = await searchVariables(camunda, {
      filter: {
        name: 'businessKey',
        value: { $in: keys.slice(start, start + SLICE).map((key) => JSON.stringify(key)) },
      },
      page: { limit: 10_000 },
    });
    instances.push(...found.map((variable) => String(variable.processInstanceKey)));
  }
  return instances;
}

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

/** Every name a person reads in the tasklist, the monitor or the modeler is Chinese. */
import { flowElements, processes, type ModdleElement } from '../../lib/model-lint/moddle-walk';
import type { ModelInventory } from './model-inventory';

export const CHINESE = /\p{Script=Han}/u;

/**
 * Processes and decisions need a name. Which flow elements need one is bpmnlint's label-required rule (joining
 * gateways and unconditional flows may stay unnamed); whatever is named is named in Chinese.
 */
const NAME_REQUIRED = new Set(['bpmn:Process', 'dmn:Decision']);

function nameProblem(file: string, element: ModdleElement): string | undefined {
  const name = element.name?.trim();
  if (!name) return NAME_REQUIRED.has(element.$type) ? `${file}: ${element.id}: has no name` : undefined;
  return CHINESE.test(name) ? undefined : `${file}: ${element.id}: name '${name}' is not Chinese`;
}

export function nameProblems(inventory: ModelInventory): string[] {
  // Message, signal and error names are correlation keys the workers use, not labels: they are not checked.
  const bpmnElements = inventory.bpmn.flatMap((model) =>
    processes(model.definitions).flatMap((process) =>
      [process, ...flowElements(process)].map((element) => nameProblem(model.file, element)),
    ),
  );
  const decisions = inventory.decisions.map((decision) =>
    nameProblem(decision.file, { $type: 'dmn:Decision', id: decision.id, name: decision.name }),
  );
  return [...bpmnElements, ...decisions].filter((problem): problem is string => problem !== undefined);
}

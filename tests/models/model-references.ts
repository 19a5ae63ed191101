/**
 * What the deployment must resolve at run time: forms of user tasks, decisions of business rule tasks and
 * processes of call activities must be among the deployed files (one deployment, see platform/deploy-models.ts).
 */
import { extension, flowElements, processes, stringAttribute } from '../../lib/model-lint/moddle-walk';
import type { ModelInventory } from './model-inventory';
import { formIds } from './form-checks';

interface Reference {
  type: string;
  extensionType: string;
  attribute: string;
  what: string;
}

const REFERENCES: Reference[] = [
  { type: 'bpmn:UserTask', extensionType: 'zeebe:FormDefinition', attribute: 'formId', what: 'form' },
  {
    type: 'bpmn:BusinessRuleTask',
    extensionType: 'zeebe:CalledDecision',
    attribute: 'decisionId',
    what: 'decision',
  },
  { type: 'bpmn:CallActivity', extensionType: 'zeebe:CalledElement', attribute: 'processId', what: 'process' },
];

export function referenceProblems(inventory: ModelInventory): string[] {
  const known: Record<string, Set<string>> = {
    form: formIds(inventory.forms),
    decision: new Set(inventory.decisions.map((decision) => decision.id)),
    process: new Set(inventory.bpmn.flatMap((model) => processes(model.definitions).map((process) => process.id!))),
  };
  const problems: string[] = [];
  for (const model of inventory.bpmn) {
    for (const process of processes(model.definitions)) {
      for (const element of flowElements(process)) {
        for (const reference of REFERENCES.filter((candidate) => candidate.type === element.$type)) {
          const target = stringAttribute(extension(element, reference.extensionType), reference.attribute);
          // An expression (`=...`) is resolved at run time and cannot be checked here.
          if (target?.startsWith('=')) continue;
          if (!target || !known[reference.what].has(target))
            problems.push(`${model.file}: ${element.id}: ${reference.what} '${target ?? '(none)'}' is not deployed`);
        }
      }
    }
  }
  return problems;
}

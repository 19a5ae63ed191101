/**
 * Camunda 8 element templates, one per job type a worker of this application serves, so that an analyst picks
 * "计算业务费用" instead of typing `business-expansion.calculate-fees`. The job types and their variables come from
 * the worker registry (workers/); a template's name is the name the deployed processes give the step that uses
 * the job type (in English from the models' catalogue), else the job type itself.
 */
import {
  extension,
  flowElements,
  processes,
  stringAttribute,
  type ModdleElement,
} from '../../lib/model-lint/moddle-walk';
import type { ModelTexts } from '../../lib/model-texts/model-texts';
import { allResources, currentContent, kindOf } from './model-resources';
import { parseModel } from './model-summary';

export interface JobTypeEntry {
  taskType: string;
  variables?: { inputs?: string[]; outputs?: string[]; headers?: string[] };
}

/** The first step of a deployed process that uses each job type, with its process (for the English name). */
async function stepsByJobType(): Promise<Map<string, { processId: string; elementId: string; name: string }>> {
  const found = new Map<string, { processId: string; elementId: string; name: string }>();
  for (const resource of await allResources()) {
    if (kindOf(resource) !== 'bpmn') continue;
    const parsed = await parseModel('bpmn', await currentContent(resource)).catch(() => undefined);
    for (const process of parsed ? processes(parsed.root as ModdleElement) : [])
      for (const element of flowElements(process)) {
        const type = stringAttribute(extension(element, 'zeebe:TaskDefinition'), 'type');
        if (type && element.name && !found.has(type))
          found.set(type, { processId: String(process.id), elementId: String(element.id), name: element.name });
      }
  }
  return found;
}

const binding = (type: string, more: Record<string, string>) => ({ binding: { type, ...more } });

function templateOf(entry: JobTypeEntry, name: string) {
  const { inputs = [], outputs = [], headers = [] } = entry.variables ?? {};
  return {
    $schema: 'https://unpkg.com/@camunda/zeebe-element-templates-json-schema/resources/schema.json',
    id: `pmp.${entry.taskType}`,
    name,
    description: entry.taskType,
    version: 1,
    appliesTo: ['bpmn:Task'],
    elementType: { value: 'bpmn:ServiceTask' },
    groups: [
      { id: 'inputs', label: 'Inputs' },
      { id: 'outputs', label: 'Outputs' },
      { id: 'headers', label: 'Headers' },
    ],
    properties: [
      { type: 'Hidden', value: entry.taskType, ...binding('zeebe:taskDefinition', { property: 'type' }) },
      { type: 'Hidden', value: '3', ...binding('zeebe:taskDefinition', { property: 'retries' }) },
      ...inputs.map((variable) => ({
        label: variable,
        group: 'inputs',
        type: 'String',
        feel: 'required',
        value: `=${variable}`,
        ...binding('zeebe:input', { name: variable }),
      })),
      ...outputs.map((variable) => ({
        label: variable,
        group: 'outputs',
        type: 'String',
        value: variable,
        ...binding('zeebe:output', { source: `=${variable}` }),
      })),
      ...headers.map((key) => ({
        label: key,
        group: 'headers',
        type: 'String',
        constraints: { notEmpty: true },
        ...binding('zeebe:taskHeader', { key }),
      })),
    ],
  };
}

export async function jobTypeTemplates(entries: JobTypeEntry[], texts: ModelTexts) {
  const steps = await stepsByJobType();
  return entries.map((entry) => {
    const step = steps.get(entry.taskType);
    return templateOf(entry, step ? texts.name(step.processId, step.elementId, step.name) : entry.taskType);
  });
}

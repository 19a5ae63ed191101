/**
 * What a process model says about going back (decision 0033): a user task lists, as `zeebe:properties`, the steps of
 * its process the case may be sent back to from it (`returnTo`) and the steps whose completer may take the case back
 * while it is still unclaimed (`withdrawTo`), each a comma-separated list of element ids (a user task, or the call
 * activity of a called step). Read from the deployed XML through the SDK, once per process definition.
 */
import { BpmnModdle } from 'bpmn-moddle';
import zeebeModdle from 'zeebe-bpmn-moddle/resources/zeebe.json';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { processDefinitionXml } from '../../lib/camunda/engine-api';

export interface StepElement {
  id: string;
  name: string;
  /** The BPMN type, e.g. bpmn:UserTask, bpmn:CallActivity. */
  type: string;
  /** Every `zeebe:properties` entry of the element (e.g. `requiredDocuments`, decision 0034), name → value. */
  properties: Record<string, string>;
  returnTo: string[];
  withdrawTo: string[];
  /**
   * Where the step starts again: the step itself, or the `time-limit.due-date` service task right before it, so
   * that the step's time limit is computed afresh (decision 0033).
   */
  entry: string;
}

export type StepModel = Map<string, StepElement>;

interface Element {
  $type: string;
  id?: string;
  name?: string;
  flowElements?: Element[];
  incoming?: Element[];
  sourceRef?: Element;
  extensionElements?: { values?: Element[] };
  properties?: Element[];
  value?: string;
  type?: string;
  [key: string]: unknown;
}

const extensionOf = (element: Element, type: string): Element | undefined =>
  element.extensionElements?.values?.find((value) => value.$type === type);

function propertiesOf(element: Element): Record<string, string> {
  const entries = extensionOf(element, 'zeebe:Properties')?.properties ?? [];
  return Object.fromEntries(entries.map((property) => [String(property.name ?? ''), property.value ?? '']));
}

/** A property holding a comma-separated list (element ids, document kinds), as its items. */
export function listedIn(properties: Record<string, string>, name: string): string[] {
  return (properties[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

function entryOf(element: Element): string {
  const incoming = element.incoming ?? [];
  const source = incoming.length === 1 ? incoming[0].sourceRef : undefined;
  const isDueDate =
    source?.$type === 'bpmn:ServiceTask' &&
    extensionOf(source, 'zeebe:TaskDefinition')?.type === 'time-limit.due-date' &&
    (source.incoming ?? []).length > 0;
  return isDueDate && source?.id ? source.id : element.id!;
}

function walk(container: Element, model: StepModel): void {
  for (const element of container.flowElements ?? []) {
    if (element.id && element.$type !== 'bpmn:SequenceFlow') {
      const properties = propertiesOf(element);
      model.set(element.id, {
        id: element.id,
        name: element.name ?? element.id,
        type: element.$type,
        properties,
        returnTo: listedIn(properties, 'returnTo'),
        withdrawTo: listedIn(properties, 'withdrawTo'),
        entry: entryOf(element),
      });
    }
    walk(element, model);
  }
}

export async function parseStepModel(xml: string): Promise<StepModel> {
  const moddle = BpmnModdle({ zeebe: zeebeModdle });
  const { rootElement } = await moddle.fromXML(xml);
  const model: StepModel = new Map();
  for (const root of (rootElement as { rootElements?: Element[] }).rootElements ?? []) {
    if (root.$type === 'bpmn:Process') walk(root, model);
  }
  return model;
}

// A deployed definition never changes: its model is read once.
const cache = new Map<string, Promise<StepModel>>();

export function stepModel(camunda: CamundaClients, processDefinitionKey: string): Promise<StepModel> {
  const key = String(processDefinitionKey);
  let found = cache.get(key);
  if (!found) {
    found = processDefinitionXml(camunda, key).then(parseStepModel);
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}

/**
 * Helpers of the event tests (docs/zeebe-rules.md §6–§9): small BPMN processes written inline, deployed under unique
 * ids so that the tests of one file share an engine without seeing each other, and queries on the event log.
 */
import type { Zeebe } from '@camunda8/sdk';
import type { EngineProcess } from '../support/engine-process';
import { recordsOf } from '../engine/engine-kit';
import { readRecords } from '../support/engine-records';

/** A BPMN file with one executable process; `roots` are the definitions' messages, errors, signals... */
export function bpmn(processId: string, body: string, roots = ''): Buffer {
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
  xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="defs-${processId}" targetNamespace="http://bpmn.io/schema/bpmn">
  ${roots}
  <bpmn:process id="${processId}" isExecutable="true">
    ${body}
  </bpmn:process>
</bpmn:definitions>`);
}

/** Sequence flows through the given elements, in order. */
export const chain = (...ids: string[]): string =>
  ids
    .slice(1)
    .map((to, i) => `<bpmn:sequenceFlow id="${ids[i]}_${to}" sourceRef="${ids[i]}" targetRef="${to}" />`)
    .join('\n');

export const flow = (from: string, to: string): string => chain(from, to);

export const startEvent = (id = 'start', definition = ''): string =>
  `<bpmn:startEvent id="${id}">${definition}</bpmn:startEvent>`;

export const endEvent = (id = 'end', definition = ''): string =>
  `<bpmn:endEvent id="${id}">${definition}</bpmn:endEvent>`;

export const serviceTask = (id: string, jobType: string, extensions = ''): string =>
  `<bpmn:serviceTask id="${id}"><bpmn:extensionElements><zeebe:taskDefinition type="${jobType}" />${extensions}</bpmn:extensionElements></bpmn:serviceTask>`;

export const ioMapping = (inputs: Record<string, string>, outputs: Record<string, string> = {}): string =>
  `<zeebe:ioMapping>${Object.entries(inputs)
    .map(([target, source]) => `<zeebe:input source="${source}" target="${target}" />`)
    .join('')}${Object.entries(outputs)
    .map(([target, source]) => `<zeebe:output source="${source}" target="${target}" />`)
    .join('')}</zeebe:ioMapping>`;

export const extensions = (inner: string): string => `<bpmn:extensionElements>${inner}</bpmn:extensionElements>`;

/** A bpmn:message root element with an optional correlation key expression. */
export const message = (id: string, name: string, correlationKey?: string): string =>
  correlationKey === undefined
    ? `<bpmn:message id="${id}" name="${name}" />`
    : `<bpmn:message id="${id}" name="${name}"><bpmn:extensionElements><zeebe:subscription correlationKey="${correlationKey}" /></bpmn:extensionElements></bpmn:message>`;

export const messageDefinition = (messageRef: string): string =>
  `<bpmn:messageEventDefinition messageRef="${messageRef}" />`;
export const timerDefinition = (kind: 'timeDuration' | 'timeDate' | 'timeCycle', value: string): string =>
  `<bpmn:timerEventDefinition><bpmn:${kind}>${value}</bpmn:${kind}></bpmn:timerEventDefinition>`;
export const signalDefinition = (signalRef: string): string =>
  `<bpmn:signalEventDefinition signalRef="${signalRef}" />`;
/** A conditional event definition: a FEEL condition and, optionally, a zeebe:conditionalFilter of variable events. */
export const conditionalDefinition = (condition: string, variableEvents?: string): string =>
  `<bpmn:conditionalEventDefinition>${
    variableEvents ? extensions(`<zeebe:conditionalFilter variableEvents="${variableEvents}" />`) : ''
  }<bpmn:condition xsi:type="bpmn:tFormalExpression">${condition}</bpmn:condition></bpmn:conditionalEventDefinition>`;
export const errorDefinition = (errorRef?: string): string =>
  errorRef ? `<bpmn:errorEventDefinition errorRef="${errorRef}" />` : '<bpmn:errorEventDefinition />';
export const escalationDefinition = (escalationRef?: string): string =>
  escalationRef
    ? `<bpmn:escalationEventDefinition escalationRef="${escalationRef}" />`
    : '<bpmn:escalationEventDefinition />';

export const catchEvent = (id: string, definition: string, inner = ''): string =>
  `<bpmn:intermediateCatchEvent id="${id}">${inner}${definition}</bpmn:intermediateCatchEvent>`;
export const throwEvent = (id: string, definition: string, inner = ''): string =>
  `<bpmn:intermediateThrowEvent id="${id}">${inner}${definition}</bpmn:intermediateThrowEvent>`;
export const boundaryEvent = (
  id: string,
  attachedTo: string,
  definition: string,
  { interrupting = true, inner = '' } = {},
): string =>
  `<bpmn:boundaryEvent id="${id}" attachedToRef="${attachedTo}" cancelActivity="${interrupting}">${inner}${definition}</bpmn:boundaryEvent>`;

/** An event subprocess: start event (with its definition) → body elements → end. */
export const eventSubProcess = (id: string, startDefinition: string, body: string, interrupting = true): string =>
  `<bpmn:subProcess id="${id}" triggeredByEvent="true">
    <bpmn:startEvent id="${id}Start" isInterrupting="${interrupting}">${startDefinition}</bpmn:startEvent>
    ${body}
  </bpmn:subProcess>`;

/** Deploys one BPMN file and returns its process (key, version...). */
export async function deploy(zbc: Zeebe.ZeebeGrpcClient, processId: string, xml: Buffer) {
  const res = await zbc.deployResource({ name: `${processId}.bpmn`, process: xml });
  return res.deployments[0].process;
}

/** How many times an element was activated in an instance. */
export async function activations(engine: EngineProcess, processInstanceKey: string, elementId: string) {
  return (await recordsOf(engine, processInstanceKey)).filter(
    (r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === elementId,
  ).length;
}

/** The root-scope variables of an instance, read back from its VARIABLE records. */
export async function rootVariables(engine: EngineProcess, processInstanceKey: string) {
  const root: Record<string, unknown> = {};
  for (const r of await recordsOf(engine, processInstanceKey)) {
    if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === String(processInstanceKey)) {
      root[String(r.value.name)] = JSON.parse(String(r.value.value));
    }
  }
  return root;
}

/** The variables written into one scope (an element instance key), by name. */
export async function scopeVariables(engine: EngineProcess, processInstanceKey: string, scopeKey: string) {
  const scope: Record<string, unknown> = {};
  for (const r of await recordsOf(engine, processInstanceKey)) {
    if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === scopeKey) {
      scope[String(r.value.name)] = JSON.parse(String(r.value.value));
    }
  }
  return scope;
}

/** The element instance key of the (first) activation of an element. */
export async function elementInstanceKey(engine: EngineProcess, processInstanceKey: string, elementId: string) {
  const record = (await recordsOf(engine, processInstanceKey)).find(
    (r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATED' && r.value.elementId === elementId,
  );
  return record ? String(record.key) : undefined;
}

/** The process instances of a BPMN process id that were activated (for instances started by events). */
export async function instancesOf(engine: EngineProcess, bpmnProcessId: string): Promise<string[]> {
  return (await readRecords(engine.databaseUrl))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATED')
    .map((r) => JSON.parse(r.value) as { bpmnProcessId: string; bpmnElementType: string; processInstanceKey: number })
    .filter((v) => v.bpmnProcessId === bpmnProcessId && v.bpmnElementType === 'PROCESS')
    .map((v) => String(v.processInstanceKey));
}

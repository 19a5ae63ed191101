/**
 * Cross-element links the runtime looks up, filled once every element and flow is known: boundary events of
 * activities, event subprocesses of containers and their start events, the targets of event-based gateways,
 * the process's triggered start events and the handlers of compensation boundary events.
 */
import type { ElementKind, ExecutableProcess } from '../executable-model';
import { elementList, elementProperty, type ModdleElement } from '../moddle-element';
import { addTo } from './flow-connector';

/** Element kinds a boundary event can be attached to. */
export const ACTIVITY_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'serviceTask',
  'sendTask',
  'receiveTask',
  'businessRuleTask',
  'scriptTask',
  'userTask',
  'manualTask',
  'task',
  'callActivity',
  'subProcess',
]);

export function linkEvents(process: ExecutableProcess, processSource: ModdleElement): void {
  const elements = [...process.elements.values()];
  const byId = (id: string) => process.elements.get(id);
  // Grouped once, not searched per activity: that was quadratic in a model's size (decision 0048).
  const boundaryEventsOf = new Map<string, string[]>();
  for (const other of elements)
    if (other.kind === 'boundaryEvent' && other.attachedToId !== undefined)
      addTo(boundaryEventsOf, other.attachedToId, other.id);
  for (const element of elements) {
    if (ACTIVITY_KINDS.has(element.kind)) element.boundaryEventIds = boundaryEventsOf.get(element.id) ?? [];
    if (element.childIds) {
      const children = element.childIds.map(byId).filter((child) => child !== undefined);
      element.eventSubProcessIds = children.filter((child) => child.kind === 'eventSubProcess').map((c) => c.id);
      if (element.kind === 'eventSubProcess') {
        element.startEventId = children.find((child) => child.kind === 'startEvent')?.id;
      }
      if (element.kind === 'process') {
        const startsOf = (eventKind: string) =>
          children.filter((c) => c.kind === 'startEvent' && c.eventKind === eventKind).map((c) => c.id);
        element.messageStartEventIds = startsOf('message');
        element.timerStartEventIds = startsOf('timer');
        element.signalStartEventIds = startsOf('signal');
      }
    }
    if (element.kind === 'eventBasedGateway') {
      element.targetEventIds = element.outgoing
        .map((flowId) => process.flows.get(flowId)?.targetId)
        .filter((id) => id !== undefined);
    }
  }
  linkCompensationHandlers(process, associations(processSource));
}

/** A compensation boundary event's handler: the target of an association whose source is the event. */
function linkCompensationHandlers(process: ExecutableProcess, links: readonly [string, string][]): void {
  for (const element of process.elements.values()) {
    if (element.kind !== 'boundaryEvent' || element.eventKind !== 'compensation') continue;
    const link = links.find(([sourceId, targetId]) => sourceId === element.id && process.elements.has(targetId));
    if (link) element.compensationHandlerId = link[1];
  }
}

/** [sourceId, targetId] of every bpmn:association in the process and its subprocesses, in document order. */
function associations(container: ModdleElement, found: [string, string][] = []): [string, string][] {
  for (const artifact of elementList(container, 'artifacts')) {
    if (artifact.$type !== 'bpmn:Association') continue;
    const sourceId = elementProperty(artifact, 'sourceRef')?.id;
    const targetId = elementProperty(artifact, 'targetRef')?.id;
    if (sourceId && targetId) found.push([sourceId, targetId]);
  }
  for (const child of elementList(container, 'flowElements')) {
    if (child.$type === 'bpmn:SubProcess') associations(child, found);
  }
  return found;
}

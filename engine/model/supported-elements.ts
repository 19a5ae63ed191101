/**
 * What this engine version can run. The transformer models more than this; deployment rejects the rest with
 * "<kind> is not supported yet by this engine". Later work relaxes these rules one element kind at a time.
 */
import type { ElementKind, EventKind, ExecutableElement } from './executable-model';

/** Supported event kinds per event element kind; an element kind not listed here is not an event. */
const SUPPORTED_EVENTS: Partial<Record<ElementKind, readonly EventKind[]>> = {
  startEvent: ['none'],
  endEvent: ['none', 'terminate'],
  intermediateThrowEvent: ['none'],
  intermediateCatchEvent: [],
  boundaryEvent: [],
};

const SUPPORTED_KINDS: ReadonlySet<ElementKind> = new Set<ElementKind>([
  'process',
  'serviceTask',
  'task',
  'manualTask',
  'scriptTask',
  'subProcess',
  'exclusiveGateway',
  'parallelGateway',
  'inclusiveGateway',
]);

/** Undefined when the engine can run the element; else the problem to report. */
export function unsupportedReason(element: ExecutableElement): string | undefined {
  if (element.multiInstance) return `multi-instance ${kindLabel(element.kind)} is not supported yet by this engine`;
  const supportedEvents = SUPPORTED_EVENTS[element.kind];
  if (supportedEvents) {
    return supportedEvents.includes(element.eventKind)
      ? undefined
      : `${eventLabel(element)} is not supported yet by this engine`;
  }
  if (!SUPPORTED_KINDS.has(element.kind)) return `${kindLabel(element.kind)} is not supported yet by this engine`;
  return undefined;
}

/** 'intermediateCatchEvent' → 'intermediate catch event'. */
export function kindLabel(kind: ElementKind): string {
  if (kind === 'eventSubProcess') return 'event subprocess';
  if (kind === 'subProcess') return 'subprocess';
  return kind.replace(/([A-Z])/g, ' $1').toLowerCase();
}

function eventLabel(element: ExecutableElement): string {
  const kind = kindLabel(element.kind);
  if (element.eventKind === 'none') return `none ${kind}`;
  if (element.kind === 'boundaryEvent' && element.cancelActivity === false) {
    return `non-interrupting ${element.eventKind} ${kind}`;
  }
  return `${element.eventKind} ${kind}`;
}

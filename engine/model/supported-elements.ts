/**
 * What this engine version can run. The transformer models more than this; deployment rejects the rest with
 * "<kind> is not supported yet by this engine". Later work relaxes these rules one element kind at a time.
 */
import type { ElementKind, EventKind, ExecutableElement } from './executable-model';

/** What the engine can run: the lists below, or an extension of them (see `withEnabled`). */
export interface SupportedFeatures {
  /** Supported event kinds per event element kind; an element kind not listed here is not an event. */
  readonly events: Readonly<Partial<Record<ElementKind, ReadonlySet<EventKind>>>>;
  /** Supported element kinds other than events. */
  readonly kinds: ReadonlySet<ElementKind>;
  readonly multiInstance: boolean;
}

/** What this engine version runs. */
export const SUPPORTED: SupportedFeatures = {
  events: {
    startEvent: new Set<EventKind>(['none', 'message', 'timer', 'signal', 'error', 'escalation', 'conditional']),
    endEvent: new Set<EventKind>(['none', 'terminate', 'message', 'signal', 'error', 'escalation', 'compensation']),
    intermediateThrowEvent: new Set<EventKind>(['none', 'message', 'signal', 'escalation', 'link', 'compensation']),
    intermediateCatchEvent: new Set<EventKind>(['message', 'timer', 'signal', 'link', 'conditional']),
    boundaryEvent: new Set<EventKind>([
      'message',
      'timer',
      'signal',
      'error',
      'escalation',
      'compensation',
      'conditional',
    ]),
  },
  kinds: new Set<ElementKind>([
    'process',
    'serviceTask',
    'task',
    'manualTask',
    'scriptTask',
    'subProcess',
    'exclusiveGateway',
    'parallelGateway',
    'inclusiveGateway',
    'eventBasedGateway',
    'eventSubProcess',
    'receiveTask',
    'sendTask',
    'callActivity',
    'userTask',
    'businessRuleTask',
  ]),
  multiInstance: true,
};

/** Features to switch on in addition to a base set, e.g. `{ events: { boundaryEvent: ['timer'] } }`. */
export interface EnabledFeatures {
  events?: Partial<Record<ElementKind, readonly EventKind[]>>;
  kinds?: readonly ElementKind[];
  multiInstance?: boolean;
}

/** `base` plus the enabled features (base is not changed). */
export function withEnabled(enabled: EnabledFeatures, base: SupportedFeatures = SUPPORTED): SupportedFeatures {
  const events: Partial<Record<ElementKind, ReadonlySet<EventKind>>> = { ...base.events };
  for (const [kind, eventKinds] of Object.entries(enabled.events ?? {}) as [ElementKind, EventKind[]][]) {
    events[kind] = new Set([...(base.events[kind] ?? []), ...eventKinds]);
  }
  return {
    events,
    kinds: new Set([...base.kinds, ...(enabled.kinds ?? [])]),
    multiInstance: enabled.multiInstance ?? base.multiInstance,
  };
}

/** Undefined when the engine can run the element; else the problem to report. */
export function unsupportedReason(
  element: ExecutableElement,
  supported: SupportedFeatures = SUPPORTED,
): string | undefined {
  if (element.multiInstance && !supported.multiInstance) {
    return `multi-instance ${kindLabel(element.kind)} is not supported yet by this engine`;
  }
  const supportedEvents = supported.events[element.kind];
  if (supportedEvents) {
    return supportedEvents.has(element.eventKind)
      ? undefined
      : `${eventLabel(element)} is not supported yet by this engine`;
  }
  if (!supported.kinds.has(element.kind)) return `${kindLabel(element.kind)} is not supported yet by this engine`;
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

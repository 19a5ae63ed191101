/** Start, end, intermediate and boundary events: the event kind and details from the event definition. */
import type { ElementKind, EventKind, ExecutableElement } from '../executable-model';
import { elementList, elementProperty, extensionElement, stringProperty, type ModdleElement } from '../moddle-element';
import { createElement } from './element-factory';
import { transformEventDefinition } from './event-definition-transformer';
import { transformTaskDefinition } from './extension/task-definition-transformer';
import type { TransformContext } from './transform-context';

export const EVENT_KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:StartEvent': 'startEvent',
  'bpmn:EndEvent': 'endEvent',
  'bpmn:IntermediateThrowEvent': 'intermediateThrowEvent',
  'bpmn:IntermediateCatchEvent': 'intermediateCatchEvent',
  'bpmn:BoundaryEvent': 'boundaryEvent',
};

const EVENT_DEFINITION_KINDS: Readonly<Record<string, EventKind>> = {
  'bpmn:MessageEventDefinition': 'message',
  'bpmn:TimerEventDefinition': 'timer',
  'bpmn:ErrorEventDefinition': 'error',
  'bpmn:EscalationEventDefinition': 'escalation',
  'bpmn:SignalEventDefinition': 'signal',
  'bpmn:LinkEventDefinition': 'link',
  'bpmn:CompensateEventDefinition': 'compensation',
  'bpmn:ConditionalEventDefinition': 'conditional',
  'bpmn:TerminateEventDefinition': 'terminate',
};

export function transformEvent(
  source: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
): ExecutableElement {
  const element = createElement(source, EVENT_KINDS[source.$type], flowScopeId, context, eventKind(source, context));
  transformTaskDefinition(source, element);
  transformEventDefinition(source, element, context);
  if (element.kind === 'startEvent' && context.process.elements.get(flowScopeId)?.kind === 'eventSubProcess') {
    element.interrupting = source.isInterrupting !== false;
  }
  if (element.kind === 'startEvent') {
    const form = extensionElement(source, 'zeebe:FormDefinition');
    const text = (name: string) => (form && stringProperty(form, name)) || undefined;
    if (form)
      element.startForm = {
        formId: text('formId'),
        formKey: text('formKey'),
        externalReference: text('externalReference'),
      };
  }
  if (element.kind === 'boundaryEvent') {
    element.attachedToId = elementProperty(source, 'attachedToRef')?.id;
    element.cancelActivity = source.cancelActivity !== false;
    if (!element.attachedToId && !context.isUnresolved(element.id, 'attachedToRef')) {
      context.addProblem(element.id, 'a boundary event must be attached to an activity');
    }
  }
  return element;
}

function eventKind(source: ModdleElement, context: TransformContext): EventKind {
  const definitions = elementList(source, 'eventDefinitions');
  if (definitions.length === 0) return 'none';
  if (definitions.length > 1) {
    context.addProblem(source.id, 'an event with more than one event definition is not supported');
  }
  const kind = EVENT_DEFINITION_KINDS[definitions[0].$type];
  if (!kind) context.addProblem(source.id, `the event definition ${definitions[0].$type} is not known`);
  return kind ?? 'none';
}

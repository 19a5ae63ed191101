/**
 * Processes, embedded subprocesses and event subprocesses: their children, flows and none start event. A child is
 * turned into an executable element by the transformer of its family; subprocesses come back here.
 */
import type { ExecutableElement } from '../executable-model';
import { elementList, instanceOf, typeLabel, type ModdleElement } from '../moddle-element';
import { createElement } from './element-factory';
import { EVENT_KINDS, transformEvent } from './event-transformer';
import { GATEWAY_KINDS, transformGateway } from './gateway-transformer';
import { transformSequenceFlow } from './sequence-flow-transformer';
import { TASK_KINDS, transformTask } from './task-transformer';
import type { TransformContext } from './transform-context';

type ElementTransformer = (source: ModdleElement, flowScopeId: string, context: TransformContext) => ExecutableElement;

/** Which transformer turns a BPMN flow node type into an executable element. */
function transformerFor(type: string): ElementTransformer | undefined {
  if (type in TASK_KINDS) return transformTask;
  if (type in EVENT_KINDS) return transformEvent;
  if (type in GATEWAY_KINDS) return transformGateway;
  if (type === 'bpmn:SubProcess') return transformSubProcess;
  return undefined;
}

export function transformProcessElement(source: ModdleElement, context: TransformContext): ExecutableElement {
  const element = createElement(source, 'process', undefined, context);
  context.addElement(element);
  transformChildren(source, element, context);
  return element;
}

export function transformSubProcess(
  source: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
): ExecutableElement {
  const kind = source.triggeredByEvent === true ? 'eventSubProcess' : 'subProcess';
  const element = createElement(source, kind, flowScopeId, context);
  context.addElement(element);
  transformChildren(source, element, context);
  return element;
}

/**
 * Flow nodes Zeebe itself does not run get Zeebe's own refusal, so a model is refused here as it is there; the
 * others are Zeebe elements this engine does not run yet.
 */
const NOT_IN_ZEEBE: ReadonlySet<string> = new Set(['bpmn:ComplexGateway', 'bpmn:Transaction']);

function unsupportedFlowNodeMessage(type: string): string {
  if (!NOT_IN_ZEEBE.has(type)) return `${typeLabel(type)} is not supported yet by this engine`;
  return (
    `Elements of type '${type.slice('bpmn:'.length)}' are currently not supported. Please refer to the ` +
    'documentation for a list of supported elements: https://docs.camunda.io/docs/components/modeler/bpmn/bpmn-coverage/'
  );
}

function transformChildren(source: ModdleElement, container: ExecutableElement, context: TransformContext): void {
  container.childIds = [];
  for (const child of elementList(source, 'flowElements')) {
    if (child.$type === 'bpmn:SequenceFlow') {
      const flow = transformSequenceFlow(child, context);
      if (flow) context.process.flows.set(flow.id, flow);
      continue;
    }
    if (!instanceOf(child, 'bpmn:FlowNode')) continue; // data objects and other non-executable content
    const transform = transformerFor(child.$type);
    if (!transform) {
      context.addProblem(child.id, unsupportedFlowNodeMessage(child.$type));
      continue;
    }
    const element = transform(child, container.id, context);
    if (element.kind !== 'subProcess' && element.kind !== 'eventSubProcess') context.addElement(element);
    container.childIds.push(element.id);
  }
  const noneStart = container.childIds
    .map((id) => context.process.elements.get(id))
    .find((child) => child?.kind === 'startEvent' && child.eventKind === 'none');
  if (noneStart) container.noneStartEventId = noneStart.id;
}

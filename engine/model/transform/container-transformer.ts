/** Processes, embedded subprocesses and event subprocesses: their children, flows and none start event. */
import type { ExecutableElement } from '../executable-model';
import { elementList, instanceOf, typeLabel, type ModdleElement } from '../moddle-element';
import { createElement } from './element-factory';
import { transformerFor } from './element-transformer-registry';
import { transformSequenceFlow } from './sequence-flow-transformer';
import type { TransformContext } from './transform-context';

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
      context.addProblem(child.id, `${typeLabel(child.$type)} is not supported yet by this engine`);
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

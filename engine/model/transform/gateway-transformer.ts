/** Exclusive, parallel, inclusive and event-based gateways. */
import type { ElementKind, ExecutableElement } from '../executable-model';
import { elementProperty, type ModdleElement } from '../moddle-element';
import { createElement } from './element-factory';
import type { TransformContext } from './transform-context';

export const GATEWAY_KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:ExclusiveGateway': 'exclusiveGateway',
  'bpmn:ParallelGateway': 'parallelGateway',
  'bpmn:InclusiveGateway': 'inclusiveGateway',
  'bpmn:EventBasedGateway': 'eventBasedGateway',
};

export function transformGateway(
  source: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
): ExecutableElement {
  const element = createElement(source, GATEWAY_KINDS[source.$type], flowScopeId, context);
  const defaultFlow = elementProperty(source, 'default');
  if (defaultFlow?.id) element.defaultFlowId = defaultFlow.id;
  return element;
}

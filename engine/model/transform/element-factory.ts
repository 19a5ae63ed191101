/** The fields every flow node shares, plus the extensions any activity or event may carry. */
import type { ElementKind, EventKind, ExecutableElement } from '../executable-model';
import type { ModdleElement } from '../moddle-element';
import { transformIoMapping } from './extension/io-mapping-transformer';
import { transformListeners } from './extension/listener-transformer';
import { transformMultiInstance } from './multi-instance-transformer';
import type { TransformContext } from './transform-context';

export function createElement(
  source: ModdleElement,
  kind: ElementKind,
  flowScopeId: string | undefined,
  context: TransformContext,
  eventKind: EventKind = 'none',
): ExecutableElement {
  const element: ExecutableElement = {
    id: source.id ?? '',
    name: source.name || undefined,
    kind,
    eventKind,
    flowScopeId,
    incoming: [],
    outgoing: [],
    inputMappings: [],
    outputMappings: [],
    executionListeners: [],
    taskListeners: [],
  };
  if (source.isForCompensation === true) element.isForCompensation = true;
  transformIoMapping(source, element, context);
  transformMultiInstance(source, element, context);
  transformListeners(source, element);
  return element;
}

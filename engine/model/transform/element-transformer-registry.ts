/** Which transformer turns a BPMN flow node type into an executable element. */
import type { ExecutableElement } from '../executable-model';
import type { ModdleElement } from '../moddle-element';
import { transformSubProcess } from './container-transformer';
import { EVENT_KINDS, transformEvent } from './event-transformer';
import { GATEWAY_KINDS, transformGateway } from './gateway-transformer';
import { TASK_KINDS, transformTask } from './task-transformer';
import type { TransformContext } from './transform-context';

export type ElementTransformer = (
  source: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
) => ExecutableElement;

export function transformerFor(type: string): ElementTransformer | undefined {
  if (type in TASK_KINDS) return transformTask;
  if (type in EVENT_KINDS) return transformEvent;
  if (type in GATEWAY_KINDS) return transformGateway;
  if (type === 'bpmn:SubProcess') return (source, scope, context) => transformSubProcess(source, scope, context);
  return undefined;
}

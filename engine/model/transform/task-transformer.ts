/** Tasks: service, send, receive, business rule, script, user, manual and plain tasks; call activities. */
import type { ElementKind, ExecutableElement } from '../executable-model';
import type { ModdleElement } from '../moddle-element';
import { createElement } from './element-factory';
import { transformTaskMessage } from './event-definition-transformer';
import { transformCalledDecision } from './extension/called-decision-transformer';
import { transformCalledElement } from './extension/called-element-transformer';
import { transformScript } from './extension/script-transformer';
import { transformUserTask } from './extension/user-task-transformer';
import { transformTaskDefinition } from './extension/task-definition-transformer';
import type { TransformContext } from './transform-context';

export const TASK_KINDS: Readonly<Record<string, ElementKind>> = {
  'bpmn:ServiceTask': 'serviceTask',
  'bpmn:SendTask': 'sendTask',
  'bpmn:ReceiveTask': 'receiveTask',
  'bpmn:BusinessRuleTask': 'businessRuleTask',
  'bpmn:ScriptTask': 'scriptTask',
  'bpmn:UserTask': 'userTask',
  'bpmn:ManualTask': 'manualTask',
  'bpmn:Task': 'task',
  'bpmn:CallActivity': 'callActivity',
};

export function transformTask(
  source: ModdleElement,
  flowScopeId: string,
  context: TransformContext,
): ExecutableElement {
  const element = createElement(source, TASK_KINDS[source.$type], flowScopeId, context);
  transformTaskDefinition(source, element);
  transformScript(source, element);
  if (element.kind === 'callActivity') transformCalledElement(source, element);
  if (element.kind === 'userTask') transformUserTask(source, element);
  if (element.kind === 'businessRuleTask') transformCalledDecision(source, element);
  if (element.kind === 'receiveTask' || element.kind === 'sendTask') transformTaskMessage(source, element);
  return element;
}

import type { ExecutableElement } from '../../../model/executable-model';
import { bpmnElementType } from '../../../model/executable-model';
import type { ProcessInstanceRecordValue } from '../../../records/record-values';
import type { ElementInstance } from '../../../state/entities';

/** Zeebe's bpmnEventType: NONE for plain events, the event definition's kind otherwise, UNSPECIFIED for others. */
export function bpmnEventType(element: ExecutableElement): string {
  if (!element.kind.endsWith('Event')) return 'UNSPECIFIED';
  return element.eventKind.toUpperCase();
}

/** The value of a PROCESS_INSTANCE record about an element instance. */
export function processInstanceValue(
  instance: Pick<
    ElementInstance,
    | 'elementId'
    | 'bpmnProcessId'
    | 'version'
    | 'processDefinitionKey'
    | 'processInstanceKey'
    | 'flowScopeKey'
    | 'tenantId'
  > &
    Partial<Pick<ElementInstance, 'parentProcessInstanceKey' | 'parentElementInstanceKey' | 'bpmnElementType'>>,
  element: ExecutableElement,
): ProcessInstanceRecordValue {
  return {
    bpmnElementType: instance.bpmnElementType ?? bpmnElementType(element),
    elementId: instance.elementId,
    bpmnProcessId: instance.bpmnProcessId,
    version: instance.version,
    processDefinitionKey: instance.processDefinitionKey,
    processInstanceKey: instance.processInstanceKey,
    flowScopeKey: instance.flowScopeKey,
    bpmnEventType: bpmnEventType(element),
    parentProcessInstanceKey: instance.parentProcessInstanceKey ?? -1,
    parentElementInstanceKey: instance.parentElementInstanceKey ?? -1,
    tenantId: instance.tenantId,
  };
}

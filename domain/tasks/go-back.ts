/**
 * Going back in a case (decision 0033), through the engine's ModifyProcessInstance: the open steps' element
 * instances are terminated and an earlier step's entry activated at the top of the same process instance, with
 * the variables given set at its root, in one command.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { z } from '../../lib/validation/zh-error-map';
import { stepModel } from './step-declarations';

/** Why a case goes back: said by the person who sends it. */
export const goBackReason = z.string().trim().min(2).max(500);

/** Sends `processInstanceKey` from the open element instances back to the entry of `targetId`. */
export async function goBack(
  camunda: CamundaClients,
  processInstanceKey: string,
  processDefinitionKey: string,
  targetId: string,
  terminate: string[],
  variables: Record<string, unknown>,
): Promise<void> {
  const target = (await stepModel(camunda, processDefinitionKey)).get(targetId);
  if (!target) throw new Error(`no element ${targetId} in process definition ${processDefinitionKey}`);
  await camunda.zeebe.modifyProcessInstance({
    processInstanceKey,
    activateInstructions: [
      {
        elementId: target.entry,
        ancestorElementInstanceKey: '-1',
        variableInstructions: [{ scopeId: '', variables: variables as never }],
      },
    ],
    terminateInstructions: terminate.map((elementInstanceKey) => ({ elementInstanceKey })),
  });
}

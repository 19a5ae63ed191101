import { correlateBuffered } from '../message/message-correlation';
import { processActivateElement } from './activate-element-processor';
import { evaluateConditions } from './behavior/conditional-behavior';
import type { BpmnCommand, BpmnContext } from './bpmn-context';

/** Runs one follow-up command of the batch. */
export function processFollowUp(ctx: BpmnContext, command: BpmnCommand): void {
  switch (command.intent) {
    case 'ACTIVATE_ELEMENT':
      return processActivateElement(ctx, command);
    case 'CORRELATE_BUFFERED':
      return correlateBuffered(ctx, command.subscriptionKey, command.messageKey);
    case 'EVALUATE_CONDITIONS':
      return evaluateConditions(ctx);
  }
}

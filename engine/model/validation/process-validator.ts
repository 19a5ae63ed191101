/** Deployment validation of a transformed process: each rule reports every problem it finds. */
import type { ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';
import { calledDecisionRule } from './called-decision-rule';
import { calledElementRule } from './called-element-rule';
import { catchCodeRule } from './catch-code-rule';
import { compensationRule } from './compensation-rule';
import { conditionalRule } from './conditional-rule';
import { eventGatewayRule } from './event-gateway-rule';
import { eventPositionRule } from './event-position-rule';
import { eventSubProcessRule } from './event-subprocess-rule';
import { expressionRule } from './expression-rule';
import { gatewayRule } from './gateway-rule';
import { jobRule } from './job-rule';
import { linkRule } from './link-rule';
import { listenerRule } from './listener-rule';
import { mappingRule } from './mapping-rule';
import { messageRule } from './message-rule';
import { sequenceFlowRule } from './sequence-flow-rule';
import { signalRule } from './signal-rule';
import { startEventRule } from './start-event-rule';
import { supportedElementRule } from './supported-element-rule';
import { timerRule } from './timer-rule';
import type { ValidationOptions, ValidationRule } from './validation-rule';

const RULES: readonly ValidationRule[] = [
  supportedElementRule,
  startEventRule,
  eventPositionRule,
  eventSubProcessRule,
  sequenceFlowRule,
  gatewayRule,
  eventGatewayRule,
  jobRule,
  listenerRule,
  calledElementRule,
  calledDecisionRule,
  messageRule,
  timerRule,
  catchCodeRule,
  signalRule,
  conditionalRule,
  linkRule,
  compensationRule,
  mappingRule,
  expressionRule,
];

export function validateProcess(process: ExecutableProcess, options: ValidationOptions = {}): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const rule of RULES) rule(process, (problem) => problems.push(problem), options);
  return problems;
}

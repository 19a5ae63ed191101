/** Deployment validation of a transformed process: each rule reports every problem it finds. */
import type { ExecutableProcess } from '../executable-model';
import type { ModelProblem } from '../model-validation-error';
import { expressionRule } from './expression-rule';
import { gatewayRule } from './gateway-rule';
import { jobRule } from './job-rule';
import { mappingRule } from './mapping-rule';
import { sequenceFlowRule } from './sequence-flow-rule';
import { startEventRule } from './start-event-rule';
import { supportedElementRule } from './supported-element-rule';
import type { ValidationRule } from './validation-rule';

const RULES: readonly ValidationRule[] = [
  supportedElementRule,
  startEventRule,
  sequenceFlowRule,
  gatewayRule,
  jobRule,
  mappingRule,
  expressionRule,
];

export function validateProcess(process: ExecutableProcess): ModelProblem[] {
  const problems: ModelProblem[] = [];
  for (const rule of RULES) rule(process, (problem) => problems.push(problem));
  return problems;
}

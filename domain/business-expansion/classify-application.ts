/**
 * The customer class of an application, by the same DMN decision the process uses (customer-class), evaluated
 * through the engine: the counter knows which documents to ask for before the case starts.
 */
import { AppError } from '../../lib/errors/app-error';
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionOutput } from '../../lib/camunda/decision-output';

export interface ClassificationInput {
  voltage: string;
  capacityKva: number;
  category: string;
  province: string;
  dualSource: boolean;
  important: boolean;
}

export async function classifyApplication(camunda: CamundaClients, input: ClassificationInput): Promise<string> {
  let output: unknown;
  try {
    output = await decisionOutput(camunda, 'customer-class', { ...input });
  } catch (error) {
    throw new AppError(503, 'DECISION_UNAVAILABLE', `客户分类规则无法求值 / ${(error as Error).message}`);
  }
  const customerClass = (output as { customerClass?: unknown } | null)?.customerClass;
  if (typeof customerClass !== 'string')
    throw new AppError(422, 'NOT_CLASSIFIED', `无法确定客户分类 / no customer class for ${JSON.stringify(input)}`);
  return customerClass;
}

/**
 * How far back a complaint of the same customer in the same category counts as a repeat (重复投诉): a local
 * parameter per complaint category, kept in the DMN decision `work-order-repeat-rules` (bpmn/work-orders/) so that
 * business people change it by deploying the table, and evaluated through the engine at each new complaint.
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { decisionOutput } from '../../lib/camunda/decision-output';
import { AppError } from '../../lib/errors/app-error';

export const REPEAT_RULES_DECISION = 'work-order-repeat-rules';

/** The window in days for a complaint category; 0 means complaints of that category are never repeats. */
export async function repeatWindowDays(camunda: CamundaClients, subType: string | null): Promise<number> {
  let output: unknown;
  try {
    output = await decisionOutput(camunda, REPEAT_RULES_DECISION, { subType });
  } catch (error) {
    throw new AppError(503, 'DECISION_UNAVAILABLE', `重复投诉规则无法求值，工单未创建 / ${(error as Error).message}`);
  }
  // A table with one output column answers its value; with more, an object (a column may be added later).
  const windowDays = typeof output === 'number' ? output : (output as { windowDays?: unknown } | null)?.windowDays;
  if (typeof windowDays !== 'number' || !Number.isFinite(windowDays) || windowDays < 0)
    throw new AppError(
      503,
      'DECISION_UNAVAILABLE',
      `重复投诉规则未给出周期 / ${REPEAT_RULES_DECISION} gave no windowDays for ${subType}: ${JSON.stringify(output)}`,
    );
  return windowDays;
}

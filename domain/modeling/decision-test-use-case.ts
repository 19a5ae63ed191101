/**
 * Testing a decision table against given inputs: the draft (not deployed yet) with the preview evaluator, or the
 * deployed decision through the engine's EvaluateDecision (decision 0044).
 */
import type { CamundaClients } from '../../lib/camunda/camunda-client';
import { businessRuleViolated } from '../../lib/errors/app-error';
import { previewDecision, PreviewUnsupported } from '../../lib/models/decision-table-preview';
import { z } from '../../lib/validation/zh-error-map';

export const decisionTestInput = z
  .object({
    target: z.enum(['draft', 'deployed']),
    content: z.string().max(4_000_000).optional(),
    decisionId: z.string().max(128).optional(),
    variables: z.record(z.unknown()),
  })
  .strict();

export async function testDecision(camunda: CamundaClients, input: z.infer<typeof decisionTestInput>) {
  if (input.target === 'draft') {
    try {
      return { target: 'draft', ...(await previewDecision(input.content ?? '', input.variables, input.decisionId)) };
    } catch (error) {
      throw businessRuleViolated('DECISION_NOT_EVALUATED', `无法试算 / cannot evaluate: ${(error as Error).message}`, {
        unsupported: error instanceof PreviewUnsupported,
      });
    }
  }
  if (!input.decisionId) throw businessRuleViolated('DECISION_NOT_EVALUATED', '缺少决策编号 / decisionId required');
  try {
    const answer = await camunda.zeebe.evaluateDecision({
      decisionId: input.decisionId,
      variables: input.variables as Record<string, never>,
    });
    const output = JSON.parse(answer.decisionOutput) as unknown;
    return {
      target: 'deployed',
      decisionId: input.decisionId,
      version: answer.decisionVersion,
      outputs: Array.isArray(output) ? output : output === null ? [] : [output],
      matchedRules: answer.evaluatedDecisions.flatMap((evaluated) => evaluated.matchedRules.map((rule) => rule.ruleId)),
    };
  } catch (error) {
    throw businessRuleViolated('DECISION_NOT_EVALUATED', `无法试算 / cannot evaluate: ${(error as Error).message}`);
  }
}

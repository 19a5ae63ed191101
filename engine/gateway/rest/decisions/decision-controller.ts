import { Router } from 'express';
import type { DecisionResult, EngineApi } from '../../../engine-api';
import { bodyObject, optionalKey, optionalString, optionalVariables } from '../request-validation';

/** POST /v2/decision-definitions/evaluation: evaluates a deployed decision by id (latest) or key. */
export function decisionController(engine: EngineApi): Router {
  const router = Router();
  router.post('/decision-definitions/evaluation', async (req, res) => {
    const body = bodyObject(req.body);
    const result = await engine.evaluateDecision({
      decisionId: optionalString(body, 'decisionDefinitionId'),
      decisionKey: optionalKey(body, 'decisionDefinitionKey'),
      variables: optionalVariables(body, 'variables'),
      tenantId: optionalString(body, 'tenantId'),
    });
    res.json(toEvaluationResponse(result));
  });
  return router;
}

function toEvaluationResponse(result: DecisionResult): Record<string, unknown> {
  return {
    decisionDefinitionId: result.decisionId,
    decisionDefinitionKey: String(result.decisionKey),
    decisionDefinitionName: result.decisionName,
    decisionDefinitionVersion: result.decisionVersion,
    decisionRequirementsId: result.decisionRequirementsId,
    decisionRequirementsKey: String(result.decisionRequirementsKey),
    decisionInstanceKey: String(result.decisionInstanceKey),
    decisionEvaluationKey: String(result.decisionInstanceKey),
    output: JSON.stringify(result.decisionOutput ?? null),
    failedDecisionDefinitionId: result.failedDecisionId,
    failureMessage: result.failureMessage,
    tenantId: result.tenantId,
    evaluatedDecisions: result.evaluatedDecisions.map((d) => ({
      decisionDefinitionId: d.decisionId,
      decisionDefinitionKey: String(d.decisionKey),
      decisionDefinitionName: d.decisionName,
      decisionDefinitionVersion: d.decisionVersion,
      decisionDefinitionType: d.decisionType,
      output: JSON.stringify(d.decisionOutput ?? null),
      tenantId: d.tenantId,
      matchedRules: d.matchedRules.map((rule) => ({
        ruleId: rule.ruleId,
        ruleIndex: rule.ruleIndex,
        evaluatedOutputs: rule.evaluatedOutputs.map((o) => ({
          ...o,
          outputValue: JSON.stringify(o.outputValue ?? null),
        })),
      })),
      evaluatedInputs: d.evaluatedInputs.map((i) => ({ ...i, inputValue: JSON.stringify(i.inputValue ?? null) })),
    })),
  };
}

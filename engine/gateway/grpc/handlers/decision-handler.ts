import type { DecisionResult } from '../../../engine-api';
import type * as proto from '../proto-types';
import { unary } from '../rpc-call';
import { checkTenant, formatInt64, parseJsonField, parseKey } from '../wire-values';
import type { HandlerContext, RpcHandlers } from './handler-context';

/** EvaluateDecision: values travel as JSON strings, keys as int64 strings. */
export function decisionHandlers({ engine, log }: HandlerContext): RpcHandlers {
  return {
    EvaluateDecision: unary<proto.EvaluateDecisionRequest, Record<string, unknown>>(
      'EvaluateDecision',
      log,
      async (req) => {
        const tenantId = checkTenant(req.tenantId, 'EvaluateDecision');
        const decisionKey =
          req.decisionKey && req.decisionKey !== '0' ? parseKey(req.decisionKey, 'decisionKey') : undefined;
        const result = await engine.evaluateDecision({
          decisionKey,
          decisionId: req.decisionId || undefined,
          variables: parseJsonField(req.variables, 'variables'),
          tenantId,
        });
        return toEvaluateDecisionResponse(result);
      },
    ),
  };
}

function toEvaluateDecisionResponse(result: DecisionResult): Record<string, unknown> {
  const json = (value: unknown) => JSON.stringify(value ?? null);
  return {
    decisionKey: formatInt64(result.decisionKey),
    decisionId: result.decisionId,
    decisionName: result.decisionName,
    decisionVersion: result.decisionVersion,
    decisionRequirementsId: result.decisionRequirementsId,
    decisionRequirementsKey: formatInt64(result.decisionRequirementsKey),
    decisionOutput: json(result.decisionOutput),
    evaluatedDecisions: result.evaluatedDecisions.map((d) => ({
      decisionKey: formatInt64(d.decisionKey),
      decisionId: d.decisionId,
      decisionName: d.decisionName,
      decisionVersion: d.decisionVersion,
      decisionType: d.decisionType,
      decisionOutput: json(d.decisionOutput),
      matchedRules: d.matchedRules.map((rule) => ({
        ruleId: rule.ruleId,
        ruleIndex: rule.ruleIndex,
        evaluatedOutputs: rule.evaluatedOutputs.map((o) => ({ ...o, outputValue: json(o.outputValue) })),
      })),
      evaluatedInputs: d.evaluatedInputs.map((i) => ({ ...i, inputValue: json(i.inputValue) })),
      tenantId: d.tenantId,
    })),
    failedDecisionId: result.failedDecisionId,
    failureMessage: result.failureMessage,
    tenantId: result.tenantId,
    decisionInstanceKey: formatInt64(result.decisionInstanceKey),
  };
}

/**
 * A step's time limit comes from the area's DMN decision (rules business people change): it is evaluated with
 * {step, ...job variables} and must output amount, unit (WD | CD | H | MIN) and warnBefore; it may output
 * countFrom, the name of a process variable holding the instant the limit counts from (e.g. a fault repair's
 * steps all count from the order's acceptance, decision 0019) instead of the step's start.
 */
import { TIME_UNITS, type TimeUnit } from '../../lib/calendar';
import { z } from '../../lib/validation/zh-error-map';
import type { WorkerContext, WorkerJob } from '../worker-definition';
import { ModelError } from '../job-input';
import { decisionOutput, type DecisionNotEvaluated } from '../../lib/camunda/decision-output';

export interface StepLimit {
  amount: number;
  unit: TimeUnit;
  warnBefore: number;
  countFrom: string | null;
}

const output = z.object({
  amount: z.number().nonnegative(),
  unit: z.enum(TIME_UNITS),
  warnBefore: z.number().nonnegative().nullish(),
  countFrom: z.string().min(1).nullish(),
});

export async function evaluateStepLimit(
  context: WorkerContext,
  job: WorkerJob,
  decisionId: string,
  step: string,
): Promise<StepLimit> {
  const problem = (zh: string, en: string) =>
    new ModelError(`决策 ${decisionId}（环节 ${step}）${zh} / decision "${decisionId}" for step "${step}" ${en}`);
  let parsed: unknown;
  try {
    parsed = await decisionOutput(context.camunda, decisionId, { ...job.variables, step });
  } catch (error) {
    throw problem('无法求值', `could not be evaluated: ${(error as DecisionNotEvaluated).reason}`);
  }
  const result = output.safeParse(Array.isArray(parsed) ? parsed[0] : parsed);
  if (!result.success) {
    const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw problem('未给出时限 amount/unit/warnBefore', `gave no time limit: ${JSON.stringify(parsed)} — ${issues}`);
  }
  return { ...result.data, warnBefore: result.data.warnBefore ?? 0, countFrom: result.data.countFrom ?? null };
}

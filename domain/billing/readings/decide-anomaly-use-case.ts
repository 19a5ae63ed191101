/**
 * A person's decision on a reading anomaly, from its task: re-read on site, correct or estimate the reading (a
 * value and a reason: the period's reading of the register is replaced, audited), or accept the reading as it
 * is (with a reason). The decision is kept on the anomaly; a decision recorded twice (a redelivered job) is kept once.
 */
import { z } from 'zod';
import type { Sequelize } from 'sequelize';
import { ReadingAnomaly, type AnomalyAction, type BillingRun } from '../../../db/billing/run-models';
import { appClock } from '../../../lib/clock/app-clock';
import { notFound, validationError } from '../../../lib/errors/app-error';
import { enterReading } from './enter-reading-use-case';

export const anomalyDecisionInput = z
  .object({
    action: z.enum(['re-read', 'correct', 'estimate', 'accept']),
    value: z.number().finite().min(0).nullish(),
    reason: z.string().trim().min(1, '请说明原因 / give a reason').max(500),
  })
  .strict();
export type AnomalyDecisionInput = z.infer<typeof anomalyDecisionInput>;

export async function decideAnomaly(
  sequelize: Sequelize,
  run: BillingRun,
  anomalyId: number,
  raw: unknown,
  actor: string,
): Promise<ReadingAnomaly> {
  const parsed = anomalyDecisionInput.safeParse(raw);
  if (!parsed.success) throw validationError('异常处理结果不完整 / the decision is incomplete', parsed.error.issues);
  const input = parsed.data;
  const anomaly = await ReadingAnomaly.findOne({ where: { id: anomalyId, runId: run.id } });
  if (!anomaly) throw notFound('抄表异常 / anomaly', anomalyId);
  if (anomaly.status === 'resolved') return anomaly;
  if (input.action !== 'accept') {
    if (input.value === null || input.value === undefined)
      throw validationError('重抄、更正或估抄须填写示数 / re-read, correct and estimate need the reading');
    await enterReading(
      sequelize,
      {
        accountId: anomaly.accountId,
        meterId: anomaly.meterId ?? undefined,
        register: anomaly.register as 'total',
        period: run.period,
        value: input.value,
        source: input.action === 'estimate' ? 'estimated' : 'manual',
        reason: input.reason,
      },
      actor,
    );
  }
  return anomaly.update({
    status: 'resolved',
    action: input.action as AnomalyAction,
    value: input.value ?? null,
    reason: input.reason,
    decidedBy: actor,
    decidedAt: appClock.now(),
  });
}

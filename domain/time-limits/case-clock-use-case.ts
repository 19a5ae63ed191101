/**
 * The whole-case clock per businessKey: started with the limit of the case's decision, paused while the case waits
 * on the customer, finished with the time used (in the limit's unit) and whether the case kept its limit. Every
 * action is idempotent.
 */
import { CaseTimeLimit } from '../../db/time-limits/time-limit-models';
import { appClock } from '../../lib/clock/app-clock';
import { applyClockAction, clockStatus, type ClockAction } from '../../lib/calendar';
import { ModelError } from '../../lib/errors/model-error';
import { loadBusinessCalendar } from './business-calendar-repository';
import type { DomainServices } from '../domain-services';
import { toCaseClock, toStoredPauses } from './case-time-limit-repository';
import { evaluateStepLimit } from './step-limit-decision';

export interface ClockStart {
  businessKey: string;
  processInstanceKey: string;
  /** Which decision gives the limit, for which step: asked only when the clock is not running yet. */
  limitOf: () => { decision: string; step: string };
  variables: Record<string, unknown>;
}

export async function startCaseClock(services: DomainServices, input: ClockStart): Promise<void> {
  const { businessKey } = input;
  if (await CaseTimeLimit.findOne({ where: { businessKey } })) return;
  const { decision, step } = input.limitOf();
  const limit = await evaluateStepLimit(services, input.variables, decision, step);
  const startedAt = appClock.now();
  const dueAt = (await loadBusinessCalendar()).add(startedAt, limit.amount, limit.unit);
  await CaseTimeLimit.findOrCreate({
    where: { businessKey },
    defaults: {
      businessKey,
      processInstanceKey: input.processInstanceKey,
      step,
      amount: limit.amount,
      unit: limit.unit,
      startedAt,
      dueAt,
      pausedSince: null,
      pauses: [],
      finishedAt: null,
      used: null,
      compliant: null,
    },
  });
}

export async function changeCaseClock(
  businessKey: string,
  action: ClockAction,
  options: { cancelled?: boolean } = {},
): Promise<void> {
  const sequelize = CaseTimeLimit.sequelize!;
  // Read before the transaction: a read outside it while it holds SQLite's write lock can wait behind a writer that
  // waits for that very lock (one shared connection), until the busy timeout fails both.
  const calendar = await loadBusinessCalendar();
  await sequelize.transaction(async (transaction) => {
    const row = await CaseTimeLimit.findOne({ where: { businessKey }, transaction, lock: transaction.LOCK.UPDATE });
    if (!row)
      throw new ModelError(
        `案件 ${businessKey} 的时限计时尚未开始 / the case clock of ${businessKey} was never started`,
      );
    const now = appClock.now();
    const next = applyClockAction(toCaseClock(row), action, now);
    if (!next) return;
    const finished = next.finishedAt ? clockStatus(calendar, { ...toCaseClock(row), ...next }, now) : undefined;
    await row.update(
      {
        pausedSince: next.pausedSince,
        pauses: toStoredPauses(next.pauses),
        finishedAt: next.finishedAt,
        used: finished?.used ?? null,
        // A cancelled case kept no limit and broke none: it counts in no compliance figure.
        compliant: options.cancelled ? null : (finished?.compliant ?? null),
        ...(options.cancelled ? { cancelledAt: next.finishedAt } : {}),
      },
      { transaction },
    );
  });
}

/** Stops the clock of a cancelled case (decision 0023); a case that never started one has nothing to stop. */
export async function stopCaseClock(businessKey: string): Promise<void> {
  if (!(await CaseTimeLimit.findOne({ where: { businessKey } }))) return;
  await changeCaseClock(businessKey, 'finish', { cancelled: true });
}

/**
 * `time-limit.case-clock` (header action = start | pause | resume | finish; start also needs headers decision and
 * step): the whole-case clock per businessKey. It pauses while the case waits on the customer; finish records the
 * time used (in the limit's unit) and whether the case kept its limit. Every action is idempotent.
 */
import { CaseTimeLimit } from '../../db/time-limits/time-limit-models';
import { appClock } from '../../lib/clock/app-clock';
import { applyClockAction, clockStatus, type ClockAction } from '../../lib/calendar';
import { loadBusinessCalendar } from '../../domain/calendar';
import type { WorkerContext, WorkerDefinition, WorkerJob } from '../worker-definition';
import { toCaseClock, toStoredPauses } from '../../domain/time-limits';
import { ModelError, requireBusinessKey, requireHeader, runJob } from '../job-input';
import { evaluateStepLimit } from './limit-decision';

async function start(job: WorkerJob, context: WorkerContext, businessKey: string): Promise<void> {
  if (await CaseTimeLimit.findOne({ where: { businessKey } })) return;
  const step = requireHeader(job, 'step');
  const limit = await evaluateStepLimit(context, job, requireHeader(job, 'decision'), step);
  const startedAt = appClock.now();
  const dueAt = (await loadBusinessCalendar()).add(startedAt, limit.amount, limit.unit);
  await CaseTimeLimit.findOrCreate({
    where: { businessKey },
    defaults: {
      businessKey,
      processInstanceKey: job.processInstanceKey,
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

async function change(businessKey: string, action: ClockAction): Promise<void> {
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
        compliant: finished?.compliant ?? null,
      },
      { transaction },
    );
  });
}

export const caseClockWorker: WorkerDefinition = {
  taskType: 'time-limit.case-clock',
  handle: (job, context) =>
    runJob(job, async () => {
      const action = requireHeader(job, 'action');
      const businessKey = requireBusinessKey(job);
      if (action === 'start') await start(job, context, businessKey);
      else if (action === 'pause' || action === 'resume' || action === 'finish') await change(businessKey, action);
      else throw new ModelError(`任务头 action 应为 start、pause、resume 或 finish / bad header action: ${action}`);
      return job.complete();
    }),
};

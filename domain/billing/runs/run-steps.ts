/** The small steps of a run that read or write only the run itself: finding it for a job, planning its readings. */
import { SectionAccount } from '../../../db/billing/reading-models';
import { BillingRun, ReadingAnomaly } from '../../../db/billing/run-models';
import { ModelError } from '../../../lib/errors/model-error';

export async function runById(runId: unknown): Promise<BillingRun> {
  const id = Number(runId);
  const run = Number.isSafeInteger(id) ? await BillingRun.findByPk(id) : null;
  if (!run) throw new ModelError(`缺少或无效的流程变量 runId / missing or unknown variable "runId"`);
  return run;
}

/** The reading plan: the section's accounts counted, the run waiting for their readings. */
export async function planReadings(run: BillingRun): Promise<{ accountsTotal: number }> {
  const accountsTotal = await SectionAccount.count({ where: { sectionId: run.sectionId } });
  await run.update({ state: 'reading', accountsTotal });
  return { accountsTotal };
}

/** After a review: the run resolving its open anomalies, or on to billing when there are none. */
export async function afterReview(run: BillingRun, open: number): Promise<void> {
  const anomaliesFound = await ReadingAnomaly.count({ where: { runId: run.id } });
  await run.update({ state: open > 0 ? 'resolving' : 'billing', anomaliesFound });
}

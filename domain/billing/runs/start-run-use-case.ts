/**
 * Starting a section's monthly billing cycle: the run is saved (one per section and month) and the
 * `billing-cycle` process started for it; a run whose start was lost is started again by the same call.
 */
import { z } from 'zod';
import { ReadingSection } from '../../../db/billing/reading-models';
import { BillingRun } from '../../../db/billing/run-models';
import { startProcessOnce } from '../../../lib/camunda/engine-api';
import { AppError, notFound } from '../../../lib/errors/app-error';
import type { DomainServices } from '../../domain-services';
import { isPeriod } from '../readings';

export const PROCESS_ID = 'billing-cycle';

export const runInput = z
  .object({
    sectionId: z.number().int().positive(),
    period: z.string().refine(isPeriod, '应为 YYYY-MM / expected YYYY-MM'),
  })
  .strict();

export const runNoOf = (sectionCode: string, period: string) => `CB${period.replace('-', '')}-${sectionCode}`;

export async function startBillingRun(services: DomainServices, input: z.infer<typeof runInput>, actor: string) {
  const section = await ReadingSection.findByPk(input.sectionId);
  if (!section) throw notFound('抄表段 / section', input.sectionId);
  const runNo = runNoOf(section.code, input.period);
  const [run, created] = await BillingRun.findOrCreate({
    where: { sectionId: section.id, period: input.period },
    defaults: { runNo, sectionId: section.id, period: input.period, startedBy: actor },
  });
  if (!created && run.processInstanceKey)
    throw new AppError(
      409,
      'RUN_EXISTS',
      `${section.name} ${input.period} 已有核算批次 ${run.runNo} / the section already has run ${run.runNo} for ${input.period}`,
      { runNo: run.runNo },
    );
  const { processInstanceKey } = await startProcessOnce(services.camunda, PROCESS_ID, {
    businessKey: runNo,
    runId: run.id,
    runNo,
    sectionCode: section.code,
    sectionName: section.name,
    period: input.period,
  });
  await run.update({ processInstanceKey });
  return run.get({ plain: true });
}

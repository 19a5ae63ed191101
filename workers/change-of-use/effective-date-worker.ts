/**
 * `change-of-use.effective-date`: the day the change takes effect (decision 0019). The route's `effectiveFrom`
 * says which: `requested` — the day the customer asked for, but not before the site work (a suspension asked for
 * the 15th and sealed on the 7th takes effect on the 15th; one sealed after the day asked for, at once);
 * `site-work` — the day the crew did the work. A change without site work counts the day it reaches this step.
 * Answers `effectiveDate` (the day), `effectiveAt` (00:00 China time of it, what the process's timer waits for)
 * and `effectiveNow` (that instant has come).
 */
import { chinaDayOf, isDayString, startOfChinaDay } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerDefinition } from '../worker-definition';
import { ModelError, dayOf, routeOf, runJob } from './change-job';

export function effectiveDay(effectiveFrom: string, requestedDate: string, siteDay: string): string {
  if (effectiveFrom === 'site-work') return siteDay;
  if (effectiveFrom === 'requested') return requestedDate > siteDay ? requestedDate : siteDay;
  throw new ModelError(`effectiveFrom 应为 requested 或 site-work / bad effectiveFrom: ${effectiveFrom}`);
}

export const effectiveDateWorker: WorkerDefinition = {
  taskType: 'change-of-use.effective-date',
  handle: (job) =>
    runJob(job, async () => {
      const route = routeOf(job);
      const requested = job.variables.requestedDate;
      if (typeof requested !== 'string' || !isDayString(requested))
        throw new ModelError(`缺少申请日期 requestedDate / missing variable "requestedDate"`);
      const now = appClock.now();
      const siteDay = route.siteWork === 'none' ? chinaDayOf(now) : dayOf(job, 'siteWorkDate');
      const effectiveDate = effectiveDay(route.effectiveFrom, requested, siteDay);
      const effectiveAt = startOfChinaDay(effectiveDate);
      return job.complete({
        effectiveDate,
        effectiveAt: new Date(effectiveAt).toISOString(),
        effectiveNow: effectiveAt <= now.getTime(),
      });
    }),
};

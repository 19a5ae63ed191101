/** What the change-of-use workers read from a job: the application (by businessKey), the route, a day variable. */
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { chinaDayOf, isDayString } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerJob } from '../worker-definition';
import { ModelError, requireBusinessKey } from '../job-input';
import type { ChangeRoute } from '../../api/change-of-use/route-decision';

export { ModelError, runJob, requireHeader } from '../job-input';

export async function applicationOf(job: WorkerJob): Promise<ChangeApplication> {
  const applicationNo = requireBusinessKey(job);
  const application = await ChangeApplication.findOne({ where: { applicationNo } });
  if (!application) throw new ModelError(`变更申请不存在 / no change application ${applicationNo}`);
  return application;
}

export function routeOf(job: WorkerJob): ChangeRoute {
  const route = job.variables.route as ChangeRoute | undefined;
  if (!route || typeof route !== 'object') throw new ModelError('缺少流程变量 route / missing variable "route"');
  return route;
}

/** A day a person entered in a form (e.g. the sealing day), else today in China time. */
export function dayOf(job: WorkerJob, variable: string): string {
  const value = job.variables[variable];
  if (typeof value === 'string' && isDayString(value.slice(0, 10))) return value.slice(0, 10);
  return chinaDayOf(appClock.now());
}

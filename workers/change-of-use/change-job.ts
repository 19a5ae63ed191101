/** What the change-of-use workers read from a job: the case number (businessKey), the route, a day variable. */
import type { ChangeRoute } from '../../domain/change-of-use';
import { chinaDayOf, isDayString } from '../../lib/calendar';
import { appClock } from '../../lib/clock/app-clock';
import type { WorkerJob } from '../worker-definition';
import { ModelError } from '../job-input';

export { ModelError, runJob, requireHeader, requireBusinessKey } from '../job-input';

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

/** A text variable, empty when it is not set. */
export function textOf(job: WorkerJob, variable: string): string {
  const value = job.variables[variable];
  return typeof value === 'string' ? value : '';
}

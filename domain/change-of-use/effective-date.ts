/**
 * The day a change takes effect (decision 0019), by the route's `effectiveFrom`: `requested` — the day the customer
 * asked for, but not before the site work (a suspension asked for the 15th and sealed on the 7th takes effect on the
 * 15th; one sealed after the day asked for, at once); `site-work` — the day the crew did the work.
 */
import { ModelError } from '../../lib/errors/model-error';

export function effectiveDay(effectiveFrom: string, requestedDate: string, siteDay: string): string {
  if (effectiveFrom === 'site-work') return siteDay;
  if (effectiveFrom === 'requested') return requestedDate > siteDay ? requestedDate : siteDay;
  throw new ModelError(`effectiveFrom 应为 requested 或 site-work / bad effectiveFrom: ${effectiveFrom}`);
}

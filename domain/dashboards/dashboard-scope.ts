/**
 * What every dashboard reads over: a period of China days (both ends included) and the units it counts — the
 * reader's units (decision 0025), or one unit of them and the units below it when `unit` is asked. The cases
 * outside those units are named once here so that each figure leaves them out the same way.
 */
import { isDayString, startOfChinaDay, addDays } from '../../lib/calendar';
import { notFound, validationError } from '../../lib/errors/app-error';
import { z } from '../../lib/validation/zh-error-map';
import { parseQuery } from '../../lib/validation/parse-input';
import { caseKeysOutside } from '../cases';
import { unitScope, type ScopeUser, type UnitScope } from '../users';

const day = z.string().refine(isDayString, { message: '应为日期 YYYY-MM-DD / a date YYYY-MM-DD' });

export const dashboardInput = z.object({
  from: day,
  to: day,
  unit: z.string().trim().min(1).max(64).optional(),
});

export interface DashboardScope {
  from: string;
  to: string;
  /** [start, end) as instants. */
  start: Date;
  end: Date;
  /** The unit codes counted, or null for every unit (an administrator without a unit asked). */
  units: UnitScope;
  /** Business keys of the cases outside `units`. */
  excluded: string[];
}

/** The units of `unit` and below it, within the reader's own: another unit is not found (not revealed). */
export async function unitsOf(reader: ScopeUser, unit: string | undefined): Promise<UnitScope> {
  const own = await unitScope(reader);
  if (!unit) return own;
  if (own !== null && !own.includes(unit)) throw notFound('单位 / unit', unit);
  // The unit's subtree, reckoned as for a member of that unit with no other permission.
  const below = (await unitScope({ roles: [], groups: [unit] })) ?? [unit];
  return own === null ? below : below.filter((code) => own.includes(code));
}

export async function dashboardScope(reader: ScopeUser, query: unknown, what: string): Promise<DashboardScope> {
  const input = parseQuery(dashboardInput, query, what);
  if (input.from > input.to) throw validationError('开始日期晚于结束日期 / from is after to');
  const units = await unitsOf(reader, input.unit);
  return {
    from: input.from,
    to: input.to,
    start: new Date(startOfChinaDay(input.from)),
    end: new Date(startOfChinaDay(addDays(input.to, 1))),
    units,
    excluded: await caseKeysOutside(units),
  };
}

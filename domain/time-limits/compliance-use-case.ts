/**
 * Time-limit compliance for managers over a period [from, to): cases finished in it and the share that kept
 * their whole-case limit, and per step the warning / overdue / escalation events raised in it. `excluded` are
 * the cases outside the manager's units (decision 0025), left out of every count.
 */
import { Op, fn, col } from 'sequelize';
import { CaseTimeLimit, TimeLimitEvent } from '../../db/time-limits/time-limit-models';
import { z } from '../../lib/validation/zh-error-map';
import { parseQuery } from '../../lib/validation/parse-input';

const periodInput = z.object({
  from: z.string().datetime({ offset: true }),
  to: z.string().datetime({ offset: true }),
});

export async function complianceReport(query: unknown, excluded: string[]) {
  const input = parseQuery(periodInput, query, '统计区间');
  const period = { [Op.gte]: new Date(input.from), [Op.lt]: new Date(input.to) };
  const cases = excluded.length === 0 ? {} : { businessKey: { [Op.notIn]: excluded } };
  // A cancelled case kept no limit and broke none.
  const finished = await CaseTimeLimit.count({ where: { ...cases, finishedAt: period, cancelledAt: null } });
  const compliant = await CaseTimeLimit.count({
    where: { ...cases, finishedAt: period, cancelledAt: null, compliant: true },
  });
  const counts = (await TimeLimitEvent.findAll({
    attributes: ['step', 'level', [fn('COUNT', col('id')), 'count']],
    where: { ...cases, at: period },
    group: ['step', 'level'],
    raw: true,
  })) as unknown as { step: string; level: string; count: number | string }[];
  const steps = new Map<string, { step: string; warning: number; overdue: number; escalation: number }>();
  for (const { step, level, count } of counts) {
    const entry = steps.get(step) ?? { step, warning: 0, overdue: 0, escalation: 0 };
    if (level === 'warning' || level === 'overdue' || level === 'escalation') entry[level] += Number(count);
    steps.set(step, entry);
  }
  return {
    from: input.from,
    to: input.to,
    finished,
    compliant,
    compliantShare: finished === 0 ? null : compliant / finished,
    steps: [...steps.values()].sort((a, b) => a.step.localeCompare(b.step)),
  };
}

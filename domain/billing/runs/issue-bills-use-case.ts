/**
 * Issue (发行): the run's draft bills become owed — status 'issued', the issue day, and the day they are due by the
 * issue rule in force (days to pay). Issuing again changes nothing already issued.
 */
import { Op } from 'sequelize';
import { Bill } from '../../../db/core/customer-models';
import type { BillingRun } from '../../../db/billing/run-models';
import { addDays } from '../../../lib/calendar';
import { RuleBook } from '../rules';
import { BILL_ISSUE_RULES } from './cycle-rules';

export async function issueBills(run: BillingRun, day: string): Promise<{ issued: number; dueDate: string }> {
  const rule = (await RuleBook.load([BILL_ISSUE_RULES])).inForce(BILL_ISSUE_RULES, '*', day).body;
  const dueDate = addDays(day, rule.payWithinDays);
  await Bill.update({ status: 'issued', issuedOn: day, dueDate }, { where: { runId: run.id, status: 'draft' } });
  const issued = await Bill.count({ where: { runId: run.id, status: { [Op.eq]: 'issued' } } });
  const first = await Bill.findOne({ where: { runId: run.id }, attributes: ['dueDate'] });
  await run.update({ state: 'issued' });
  return { issued, dueDate: first?.dueDate ?? dueDate };
}

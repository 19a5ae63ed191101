/**
 * Arrears (欠费): bills past their due date and still unpaid. Rename, transfer, split, merge and close are handled
 * only once they are settled (docs/business-rules.md §2); both the API and the process's debt check ask here.
 */
import { Op } from 'sequelize';
import { Bill } from '../../db/core/customer-models';

export interface UnpaidBills {
  totalFen: number;
  bills: { accountId: number; period: string; amountFen: number; dueDate: string }[];
}

/** The unpaid bills due before `today` (overdue); with null every unpaid bill (closing an account settles all). */
export async function unpaidBills(accountIds: number[], today: string | null): Promise<UnpaidBills> {
  const rows = await Bill.findAll({
    where: { accountId: { [Op.in]: accountIds }, paidAt: null, ...(today ? { dueDate: { [Op.lt]: today } } : {}) },
    order: [['dueDate', 'ASC']],
  });
  const bills = rows.map(({ accountId, period, amountFen, dueDate }) => ({ accountId, period, amountFen, dueDate }));
  return { totalFen: bills.reduce((sum, bill) => sum + bill.amountFen, 0), bills };
}

export const yuan = (fen: number): string => (fen / 100).toFixed(2);

export function debtMessage(unpaid: UnpaidBills): string {
  const periods = unpaid.bills.map((bill) => bill.period).join('、');
  return `欠费未结清，不予办理：欠费 ${yuan(unpaid.totalFen)} 元 (账期 ${periods}) / unpaid bills of ${yuan(unpaid.totalFen)} yuan (${periods}) must be settled first`;
}

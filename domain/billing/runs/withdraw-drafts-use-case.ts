/**
 * A run the reviewer returned: its draft bills (never issued, never seen by a customer) and their lines and flags
 * are removed, so that the run bills again from the corrected readings.
 */
import type { Sequelize } from 'sequelize';
import { BillLine } from '../../../db/billing/billing-models';
import { BillFlag, type BillingRun } from '../../../db/billing/run-models';
import { Bill } from '../../../db/core/customer-models';

export async function withdrawDrafts(sequelize: Sequelize, run: BillingRun): Promise<{ withdrawn: number }> {
  return sequelize.transaction(async (transaction) => {
    const drafts = await Bill.findAll({ where: { runId: run.id, status: 'draft' }, attributes: ['id'], transaction });
    const ids = drafts.map((bill) => bill.id);
    for (let start = 0; start < ids.length; start += 5_000) {
      const chunk = ids.slice(start, start + 5_000);
      await BillLine.destroy({ where: { billId: chunk }, transaction });
      await Bill.destroy({ where: { id: chunk }, transaction });
    }
    await BillFlag.destroy({ where: { runId: run.id }, transaction });
    await run.update({ state: 'reading', billsDone: 0, billsFlagged: 0 }, { transaction });
    return { withdrawn: ids.length };
  });
}

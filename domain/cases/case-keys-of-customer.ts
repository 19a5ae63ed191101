/**
 * The cases of a customer found by name or phone: 业扩 and 变更用电 through their customer record, 95598 orders by
 * the caller's own name and phone. The tasklist's customer filter narrows the engine's search to these business
 * keys, since not every process carries the customer's phone as a variable.
 */
import { Op } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { Customer } from '../../db/core/customer-models';
import { WorkOrder } from '../../db/work-orders';

/** At most this many customers (and cases of each area) are looked at: a filter is for finding someone. */
const MAX_MATCHES = 2000;

export async function caseKeysOfCustomer(nameOrPhone: string): Promise<string[]> {
  // LIKE's wildcards are dropped, not escaped: SQLite has no default escape character, and names hold none.
  const text = nameOrPhone.replace(/[%_\\]/g, '');
  if (!text) return [];
  const like = { [Op.like]: `%${text}%` };
  const customers = await Customer.findAll({
    attributes: ['id'],
    where: { [Op.or]: [{ name: like }, { phone: like }] },
    limit: MAX_MATCHES,
  });
  const customerId = { [Op.in]: customers.map((customer) => customer.id) };
  const [expansions, changes, orders] = await Promise.all([
    Application.findAll({ attributes: ['applicationNo'], where: { customerId }, limit: MAX_MATCHES }),
    ChangeApplication.findAll({ attributes: ['applicationNo'], where: { customerId }, limit: MAX_MATCHES }),
    WorkOrder.findAll({
      attributes: ['orderNo'],
      where: { [Op.or]: [{ customerName: like }, { phone: like }] },
      limit: MAX_MATCHES,
    }),
  ]);
  return [...expansions, ...changes].map((row) => row.applicationNo).concat(orders.map((order) => order.orderNo));
}

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

/**
 * At most this many customers (and cases of each area) are looked at: a filter is for finding someone. One more is
 * read to know whether the matches went past it.
 */
export const CUSTOMER_MATCHES_LIMIT = 2000;

/** The keys, and whether a limit cut the matches (a wider search than a filter is for: some cases may be missing). */
export async function customerCaseKeys(nameOrPhone: string): Promise<{ keys: string[]; capped: boolean }> {
  // LIKE's wildcards are dropped, not escaped: SQLite has no default escape character, and names hold none.
  const text = nameOrPhone.replace(/[%_\\]/g, '');
  if (!text) return { keys: [], capped: false };
  const like = { [Op.like]: `%${text}%` };
  const limit = CUSTOMER_MATCHES_LIMIT + 1;
  const customers = await Customer.findAll({
    attributes: ['id'],
    where: { [Op.or]: [{ name: like }, { phone: like }] },
    order: [['id', 'ASC']],
    limit,
  });
  const customerId = { [Op.in]: customers.slice(0, CUSTOMER_MATCHES_LIMIT).map((customer) => customer.id) };
  const [expansions, changes, orders] = await Promise.all([
    Application.findAll({ attributes: ['applicationNo'], where: { customerId }, limit }),
    ChangeApplication.findAll({ attributes: ['applicationNo'], where: { customerId }, limit }),
    WorkOrder.findAll({
      attributes: ['orderNo'],
      where: { [Op.or]: [{ customerName: like }, { phone: like }] },
      limit,
    }),
  ]);
  const within = <T>(rows: T[]) => rows.slice(0, CUSTOMER_MATCHES_LIMIT);
  return {
    keys: [...within(expansions), ...within(changes)]
      .map((row) => row.applicationNo)
      .concat(within(orders).map((order) => order.orderNo)),
    capped: [customers, expansions, changes, orders].some((rows) => rows.length > CUSTOMER_MATCHES_LIMIT),
  };
}

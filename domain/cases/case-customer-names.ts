/**
 * The customer's name of each case, whatever its area: 业扩 and 变更用电 through their customer record, 95598 orders
 * by the caller's name they keep. A business key no area knows has none.
 */
import { Op } from 'sequelize';
import { Application } from '../../db/business-expansion';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import { Customer } from '../../db/core/customer-models';
import { WorkOrder } from '../../db/work-orders';

export async function caseCustomerNames(businessKeys: string[]): Promise<Map<string, string>> {
  const keys = [...new Set(businessKeys)];
  const names = new Map<string, string>();
  if (keys.length === 0) return names;
  const byNo = { where: { applicationNo: { [Op.in]: keys } } };
  const [expansions, changes, orders] = await Promise.all([
    Application.findAll({ attributes: ['applicationNo', 'customerId'], ...byNo }),
    ChangeApplication.findAll({ attributes: ['applicationNo', 'customerId'], ...byNo }),
    WorkOrder.findAll({ attributes: ['orderNo', 'customerName'], where: { orderNo: { [Op.in]: keys } } }),
  ]);
  const applications = [...expansions, ...changes];
  const customers = await Customer.findAll({
    attributes: ['id', 'name'],
    where: { id: [...new Set(applications.map((row) => row.customerId))] },
  });
  const nameOf = new Map(customers.map((customer) => [customer.id, customer.name]));
  for (const row of applications) {
    const name = nameOf.get(row.customerId);
    if (name) names.set(row.applicationNo, name);
  }
  for (const order of orders) if (order.customerName) names.set(order.orderNo, order.customerName);
  return names;
}

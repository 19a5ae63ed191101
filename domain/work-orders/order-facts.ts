/**
 * What a new order needs to know besides its input: the unit serving the area (Group.areas), the area type that
 * decides repair limits, and whether a complaint repeats an earlier one of the same customer on the same matter.
 */
import { Op, type Transaction } from 'sequelize';
import { Account, Customer } from '../../db/core/customer-models';
import { Group } from '../../db/core/user-models';
import { WorkOrder } from '../../db/work-orders';
import { appClock } from '../../lib/clock/app-clock';
import { businessRuleViolated } from '../../lib/errors/app-error';
import type { CreateOrderInput } from './work-order-input';

export async function servingUnit(area: string): Promise<Group> {
  const units = await Group.findAll({ where: { level: 'unit' }, order: [['code', 'ASC']] });
  const unit = units.find((group) => (group.areas ?? []).includes(area));
  if (!unit)
    throw businessRuleViolated(
      'AREA_NOT_SERVED',
      `没有供电单位服务地区 ${area}，工单未创建 / no unit serves area ${area}; nothing was created`,
    );
  return unit;
}

/** The input's area type, else the customer's (by account, then phone), else urban. */
export async function areaTypeOf(input: CreateOrderInput): Promise<string> {
  if (input.areaType) return input.areaType;
  const account = input.accountNo ? await Account.findOne({ where: { accountNo: input.accountNo } }) : null;
  const customer = account
    ? await Customer.findByPk(account.customerId)
    : await Customer.findOne({ where: { phone: input.phone } });
  return customer?.areaType ?? 'urban';
}

/**
 * The latest complaint of this phone in the same category within the window (days, from the repeat rules), if
 * any. A window of 0 days, or an order that is no complaint, has no earlier complaint.
 */
export async function earlierComplaint(
  input: CreateOrderInput,
  windowDays: number,
  transaction: Transaction,
): Promise<WorkOrder | null> {
  if (input.orderType !== 'complaint' || windowDays <= 0) return null;
  const since = new Date(appClock.now().getTime() - windowDays * 86_400_000);
  return WorkOrder.findOne({
    where: {
      phone: input.phone,
      orderType: 'complaint',
      subType: input.subType ?? null,
      acceptedAt: { [Op.gte]: since },
    },
    order: [['acceptedAt', 'DESC']],
    transaction,
  });
}

/** An urging must name a known order that is still open. */
export async function urgedOrder(orderNo: string): Promise<WorkOrder> {
  const order = await WorkOrder.findOne({ where: { orderNo } });
  if (!order || order.state === 'archived')
    throw businessRuleViolated(
      'URGED_ORDER_NOT_OPEN',
      `被催办的工单不存在或已归档 / the urged order does not exist or is archived: ${orderNo}`,
    );
  return order;
}

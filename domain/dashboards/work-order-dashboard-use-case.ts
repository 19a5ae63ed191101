/**
 * 95598 orders accepted in the period by the counted units: how many per order type, per area and per the
 * customer's satisfaction at callback (`none` until a callback recorded one), and the urgings and supervisions
 * (督办): how many times, and on how many orders.
 */
import { Op } from 'sequelize';
import { WorkOrder } from '../../db/work-orders';
import type { DashboardScope } from './dashboard-scope';
import { countBy } from './statistics';

export async function workOrderDashboard(scope: DashboardScope) {
  const orders = await WorkOrder.findAll({
    where: {
      acceptedAt: { [Op.gte]: scope.start, [Op.lt]: scope.end },
      ...(scope.units === null ? {} : { handlingUnit: { [Op.in]: scope.units } }),
    },
  });
  const sum = (pick: (order: WorkOrder) => number) => orders.reduce((total, order) => total + pick(order), 0);
  return {
    total: orders.length,
    byType: countBy(orders, (order) => order.orderType),
    byArea: countBy(orders, (order) => order.area),
    bySatisfaction: countBy(orders, (order) => order.satisfaction ?? 'none'),
    urging: {
      urgings: sum((order) => order.urgeCount),
      ordersUrged: orders.filter((order) => order.urgeCount > 0).length,
      supervisions: sum((order) => order.supervisionCount),
      ordersSupervised: orders.filter((order) => order.supervisionCount > 0).length,
    },
  };
}

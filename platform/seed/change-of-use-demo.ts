/**
 * Demo data of 变更用电: three demo customers (customer numbers BGDEMO…) with accounts, one with an overdue bill
 * (a transfer of it is refused), and change cases in different states created through the use case, so that they
 * are real process instances: a suspension waiting for its review, and a meter move reviewed and waiting for the
 * customer to pay its 680 yuan works fee.
 */
import { searchUserTasks } from '../../lib/camunda/engine-api';
import { submitChangeApplication } from '../../domain/change-of-use';
import { Account, Bill, Customer } from '../../db/core/customer-models';
import { chinaDayOf } from '../../lib/calendar';
import { loadBusinessCalendar } from '../../domain/time-limits';
import { appClock } from '../../lib/clock/app-clock';
import { logger } from '../../lib/logger/logger';
import type { PlatformServices } from '../platform-services';
import { residentId } from '../../lib/privacy/resident-id';

const log = logger('seed');

const DEMO = [
  {
    no: '001',
    kind: 'company',
    name: '上海浦江精密机械有限公司',
    voltage: '10kV',
    capacityKva: 800,
    category: 'industrial',
  },
  { no: '002', kind: 'company', name: '浦东张江咖啡馆', voltage: '380V', capacityKva: 50, category: 'commercial' },
  { no: '003', kind: 'person', name: '陈晓东', voltage: '220V', capacityKva: 8, category: 'residential' },
];

async function demoAccount(entry: (typeof DEMO)[number]): Promise<Account> {
  const address = `上海市浦东新区变更示范路${Number(entry.no)}号`;
  const customer = await Customer.create({
    customerNo: `BGDEMO${entry.no}`,
    kind: entry.kind,
    name: entry.name,
    idNumber: entry.kind === 'person' ? residentId(`31011519800101${entry.no}`) : `91310115DEMO${entry.no}`,
    phone: `1390000${entry.no}0`,
    address,
    area: 'SH-PD',
    unitCode: 'SH-PD',
  });
  const { voltage, capacityKva, category } = entry;
  const values = {
    customerId: customer.id,
    address,
    voltage,
    capacityKva,
    category,
    supplyPoint: '张江站 10kV 张01线',
  };
  return Account.create({
    ...values,
    accountNo: `BGDEMO${entry.no}-01`,
    basicChargeStoppedOn: null,
    basicChargeRestartsOn: null,
  });
}

/** Completes the first open task of `elementId` of an instance once the engine's search shows it. */
async function completeWhenOpen(
  services: PlatformServices,
  processInstanceKey: string,
  elementId: string,
  variables: Record<string, unknown>,
) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const [task] = await searchUserTasks(services.camunda, {
      filter: { processInstanceKey, elementId, state: 'CREATED' },
    });
    if (task) return services.camunda.rest.completeUserTask({ userTaskKey: task.userTaskKey, variables });
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  log.warn('demo task not found', { processInstanceKey, elementId });
}

export async function seedChangeOfUseDemo(services: PlatformServices): Promise<void> {
  if (await Customer.findOne({ where: { customerNo: 'BGDEMO001' } })) return;
  const [factory, cafe, resident] = await Promise.all(DEMO.map(demoAccount));
  await Bill.create({
    accountId: resident.id,
    period: '2026-01',
    amountFen: 23_580,
    dueDate: '2026-02-15',
    paidAt: null,
  });
  const calendar = await loadBusinessCalendar();
  const requestedDate = chinaDayOf(calendar.addWorkingDays(appClock.now(), 7));
  const reason = '示例数据 / demo';
  await submitChangeApplication(
    services.camunda,
    { accountId: factory.id, changeType: 'suspend', requestedDate, reason: '设备检修，暂停一台变压器' },
    'zhangli',
  );
  const move = await submitChangeApplication(
    services.camunda,
    { accountId: cafe.id, changeType: 'meter-move', newMeterLocation: '店铺后门外墙', requestedDate, reason },
    'zhangli',
  );
  await completeWhenOpen(services, move.processInstanceKey, 'review', { approved: true, feeYuan: 680 });
}

/**
 * The automatic steps of an arrears case (bpmn/billing/arrears.bpmn), each answering the variables its timers and
 * decision read: the reminder and the end of the grace period, the written notice and the planned cut, the second
 * notice, the facts of the cut day for the disconnection decision, a postponed cut, and the records of the
 * disconnection, the settlement and the reconnection. Each is safe to repeat (a job may be delivered twice).
 */
import { ArrearsCase, WeatherFlag } from '../../db/collection/collection-models';
import { Customer } from '../../db/core/customer-models';
import { addDays, chinaDayOf, startOfChinaDay } from '../../lib/calendar';
import { HOUR_MS, MINUTE_MS } from '../../lib/calendar/china-time';
import { appClock } from '../../lib/clock/app-clock';
import { ModelError } from '../../lib/errors/model-error';
import { yuan } from '../payments';
import { RuleBook } from '../billing';
import type { DomainServices } from '../domain-services';
import { notify } from '../notifications';
import { loadBusinessCalendar } from '../time-limits';
import { accountById, openBills } from './account-ledger';
import { copyNoticeToAuthority } from './authority-copy';
import { ARREARS_GRACE, ARREARS_REMINDERS, DISCONNECTION_NOTICE } from './collection-rules';
import { setSupplyStatus } from './supply-status';

type Services = Pick<DomainServices, 'config'>;

async function caseNamed(caseNo: string): Promise<ArrearsCase> {
  const found = await ArrearsCase.findOne({ where: { caseNo } });
  if (!found) throw new ModelError(`欠费工单 ${caseNo} 不存在 / no arrears case ${caseNo}`);
  return found;
}

const today = () => chinaDayOf(appClock.now());
const atHour = (day: string, hour: number) => new Date(startOfChinaDay(day) + hour * HOUR_MS);

/** What the account owes today: the overdue bills' principal and the penalty accrued on them. */
async function owedToday(found: ArrearsCase) {
  const account = await accountById(found.accountId);
  const day = today();
  const overdue = (await openBills(account, day)).filter((bill) => bill.dueDate < day);
  return {
    account,
    overdue,
    overdueFen: overdue.reduce((sum, bill) => sum + bill.principalLeftFen, 0),
    penaltyFen: overdue.reduce((sum, bill) => sum + bill.penaltyLeftFen, 0),
  };
}

async function tellCustomer(
  services: Services,
  found: ArrearsCase,
  kind: string,
  title: string,
  body: string,
  occasion = '',
) {
  const account = await accountById(found.accountId);
  const customer = await Customer.findByPk(account.customerId);
  await notify(
    {
      dedupKey: `arrears:${kind}:${found.caseNo}${occasion ? `:${occasion}` : ''}`,
      kind: 'customer',
      recipientType: 'customer',
      recipient: customer?.phone ?? String(account.customerId),
      title,
      body,
      businessKey: found.caseNo,
    },
    { config: services.config },
  );
}

const rules = () => RuleBook.load([ARREARS_GRACE, ARREARS_REMINDERS, DISCONNECTION_NOTICE]);
const REMINDER_TITLE = '电费催缴通知 / Reminder: electricity bill overdue';

/**
 * Reminder number `previous + 1` (催费通知) and the end of the grace period: `graceDays` after the oldest overdue bill's
 * due date. The first reminder always goes; a later one only while the grace period runs. Answers whether another is
 * due (`arrears-reminders`: how many, how many days apart) and when.
 */
export async function sendReminder(services: Services, caseNo: string, previous = 0) {
  const found = await caseNamed(caseNo);
  const owed = await owedToday(found);
  const day = today();
  const oldest = owed.overdue[0]?.dueDate ?? day;
  const book = await rules();
  const { graceDays } = book.inForce(ARREARS_GRACE, '*', day).body;
  const { cutHour } = book.inForce(DISCONNECTION_NOTICE, '*', day).body;
  const { count, intervalDays } = book.inForce(ARREARS_REMINDERS, '*', day).body;
  const graceEndsAt = atHour(addDays(oldest, graceDays + 1), cutHour);
  const reminderNo = previous + 1;
  const sent = reminderNo === 1 || appClock.now() < graceEndsAt;
  const nextReminderAt = atHour(addDays(day, intervalDays), cutHour);
  if (sent) {
    await found.update({
      remindedAt: found.remindedAt ?? appClock.now(),
      remindersSent: Math.max(found.remindersSent, reminderNo),
      penaltyFen: owed.penaltyFen,
    });
    await tellCustomer(
      services,
      found,
      'reminder',
      reminderNo === 1 ? REMINDER_TITLE : `${REMINDER_TITLE}（第 ${reminderNo} 次 / no. ${reminderNo}）`,
      `户号 ${owed.account.accountNo} 欠费 ${yuan(owed.overdueFen)} 元，违约金 ${yuan(owed.penaltyFen)} 元，请尽快缴纳 / ${yuan(owed.overdueFen)} yuan overdue, penalty ${yuan(owed.penaltyFen)} yuan`,
      reminderNo === 1 ? '' : String(reminderNo),
    );
  }
  return {
    overdueFen: owed.overdueFen,
    penaltyFen: owed.penaltyFen,
    graceEndsAt: graceEndsAt.toISOString(),
    reminderNo,
    moreReminders: sent && reminderNo < count && nextReminderAt < graceEndsAt,
    nextReminderAt: nextReminderAt.toISOString(),
  };
}

function plannedCut(day: string, rule: { cutHour: number; secondNoticeMinutes: number }) {
  const cutAt = atHour(day, rule.cutHour);
  return {
    cutDay: day,
    cutAt: cutAt.toISOString(),
    secondNoticeAt: new Date(cutAt.getTime() - rule.secondNoticeMinutes * MINUTE_MS).toISOString(),
  };
}

/** The written disconnection notice (停电通知书): the cut planned `noticeDays` ahead, at the rule's hour. */
export async function sendDisconnectionNotice(services: Services, caseNo: string) {
  const found = await caseNamed(caseNo);
  const owed = await owedToday(found);
  const rule = (await rules()).inForce(DISCONNECTION_NOTICE, '*', today()).body;
  const plan = plannedCut(addDays(today(), rule.noticeDays), rule);
  if (found.status === 'open')
    await found.update({
      status: 'noticed',
      noticeSentAt: appClock.now(),
      cutPlannedAt: new Date(plan.cutAt),
      penaltyFen: owed.penaltyFen,
    });
  const customer = await Customer.findByPk(owed.account.customerId);
  await copyNoticeToAuthority(services.config, found, owed.account, customer, plan.cutDay);
  await tellCustomer(
    services,
    found,
    'notice',
    '欠费停电通知书 / Disconnection notice',
    `户号 ${owed.account.accountNo} 欠费 ${yuan(owed.overdueFen)} 元、违约金 ${yuan(owed.penaltyFen)} 元未缴，将于 ${plan.cutDay} ${rule.cutHour}:00 停电 / supply will be cut on ${plan.cutDay} unless paid`,
  );
  return { ...plan, penaltyFen: owed.penaltyFen };
}

/** The second notice, `secondNoticeMinutes` before the cut; once per planned cut. */
export async function sendSecondNotice(services: Services, caseNo: string, cutAt: string) {
  const found = await caseNamed(caseNo);
  await tellCustomer(
    services,
    found,
    'second-notice',
    '停电前通知 / Supply to be cut shortly',
    `将于 ${cutAt} 欠费停电 / supply will be cut at ${cutAt}`,
    cutAt,
  );
}

/** What the disconnection decision reads about today: a rest day in the business calendar, the area's weather. */
export async function cutDayFacts(caseNo: string) {
  const found = await caseNamed(caseNo);
  const account = await accountById(found.accountId);
  const customer = await Customer.findByPk(account.customerId);
  const day = today();
  const calendar = await loadBusinessCalendar();
  const flag = await WeatherFlag.findOne({ where: { area: customer?.area ?? '', day } });
  return {
    cutDay: day,
    residential: account.category === 'residential',
    restDay: !calendar.isWorkingDay(day),
    extremeWeather: flag !== null,
  };
}

/** A cut the decision forbade today moves to the next day at the rule's hour. */
export async function postponeCut(caseNo: string) {
  const found = await caseNamed(caseNo);
  const rule = (await rules()).inForce(DISCONNECTION_NOTICE, '*', today()).body;
  const plan = plannedCut(addDays(today(), 1), rule);
  await found.update({ cutPlannedAt: new Date(plan.cutAt) });
  return plan;
}

/** The crew cut the supply: the case and the account say so (the account's change audited). */
export async function recordDisconnection(caseNo: string) {
  const found = await caseNamed(caseNo);
  if (found.status !== 'disconnected') await found.update({ status: 'disconnected', disconnectedAt: appClock.now() });
  await setSupplyStatus(found.accountId, 'disconnected', caseNo);
}

/** The customer paid: the case is settled; answers whether supply was cut (then a reconnection order follows). */
export async function recordSettlement(caseNo: string) {
  const found = await caseNamed(caseNo);
  const wasDisconnected = found.disconnectedAt !== null;
  if (found.settledAt === null) await found.update({ status: 'settled', settledAt: appClock.now() });
  return { wasDisconnected };
}

/** The crew restored the supply: the case is closed and the account active again. */
export async function recordReconnection(caseNo: string) {
  const found = await caseNamed(caseNo);
  if (found.reconnectedAt === null) await found.update({ status: 'reconnected', reconnectedAt: appClock.now() });
  await setSupplyStatus(found.accountId, 'active', caseNo);
}

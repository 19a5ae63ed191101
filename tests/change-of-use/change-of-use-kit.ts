/**
 * Helpers for the change-of-use end-to-end tests: a customer with an account (and bills) straight in the
 * database, an application through the API, the steps of a case through the tasklist, the case as the API shows it.
 */
import { Account, Bill, Customer } from '../../db/core/customer-models';
import { ChangeApplication } from '../../db/change-of-use/change-of-use-models';
import type { Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

/** A Tuesday in November, clear of holidays: applications may ask for 2026-11-17 or later (5 working days). */
export const TODAY = '2026-11-10T02:00:00Z';
export const REQUESTED = '2026-11-20';

let serial = 0;

export async function seedAccount(values: Partial<Account> = {}): Promise<Account> {
  serial += 1;
  const tag = `${process.pid}${String(serial).padStart(3, '0')}`;
  const customer = await Customer.create({
    customerNo: `BGT${tag}`,
    kind: 'company',
    name: `测试用户${tag}`,
    idNumber: `91310000TEST${tag}`,
    phone: `139${tag}`.slice(0, 11),
    address: '上海市浦东新区测试路1号',
    area: 'SH-PD',
    unitCode: 'SH-PD',
  });
  return Account.create({
    accountNo: `BGA${tag}`,
    customerId: customer.id,
    address: customer.address,
    voltage: '10kV',
    capacityKva: 630,
    category: 'industrial',
    status: 'active',
    supplyPoint: '张江站 10kV 张01线',
    basicChargeStoppedOn: null,
    basicChargeRestartsOn: null,
    ...values,
  });
}

export async function addBill(accountId: number, period: string, amountFen: number, dueDate: string): Promise<Bill> {
  return Bill.create({ accountId, period, amountFen, dueDate, paidAt: null });
}

export async function submit(platform: Platform, body: Record<string, unknown>) {
  const clerk = await platform.as('zhangli');
  return clerk.post('/change-of-use/applications', { requestedDate: REQUESTED, reason: '测试', ...body });
}

/** Submits and expects the case to start. */
export async function startCase(platform: Platform, body: Record<string, unknown>) {
  const answer = await submit(platform, body);
  if (answer.status !== 201) throw new Error(`submit failed: ${JSON.stringify(answer.body)}`);
  return answer.body as { applicationNo: string; processInstanceKey: string };
}

export async function caseOf(platform: Platform, applicationNo: string) {
  const answer = await (await platform.as('zhoumin')).get(`/change-of-use/applications/${applicationNo}`);
  if (answer.status !== 200) throw new Error(`case ${applicationNo}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Waits until the case, as the API shows it, satisfies `holds`. */
export async function waitForCase(
  platform: Platform,
  applicationNo: string,
  holds: (found: any) => boolean,
  what = '',
) {
  return waitFor(
    async () => {
      const found = await caseOf(platform, applicationNo);
      return holds(found) ? found : undefined;
    },
    { timeout: 15_000, interval: 150, description: `case ${applicationNo} ${what}` },
  );
}

export const waitForStatus = (platform: Platform, applicationNo: string, status: string) =>
  waitForCase(platform, applicationNo, (found) => found.status === status, status);

/** A user task to complete, or something done through the API between tasks (e.g. the customer paying). */
export type Step =
  | [elementId: string, login: string, variables?: Record<string, unknown>]
  | ((platform: Platform, processInstanceKey: string) => Promise<void>);

/** By a second clerk: zhangli accepted the case and may not review it (separation of duties). */
export const review = (variables: Record<string, unknown> = {}): Step => [
  'review',
  'lixue',
  { approved: true, ...variables },
];
/** 10:00 China time of a day: when the tests' steps of that day are done. */
export const morningOf = (day: string): string => `${day}T02:00:00Z`;

/**
 * The clock moves on to the morning of `day` (the engine's timers due by then fire, e.g. a change taking effect).
 */
export const onDay =
  (day: string): Step =>
  (platform) =>
    platform.pinClock(morningOf(day));

/**
 * The step done on the day it records (a site-work or signing day is never in the future). The site work waits
 * for its task before the clock moves (a payment message not yet correlated would outlive its time to live); the
 * contract comes after the change took effect, which may need the clock to reach the effective date first.
 */
const doneOn =
  (day: string, elementId: string, login: string, variables: Record<string, unknown>, openFirst: boolean): Step =>
  async (platform, processInstanceKey) => {
    if (openFirst) await platform.openTask(processInstanceKey, elementId);
    await platform.pinClock(morningOf(day));
    await platform.completeTask(login, processInstanceKey, elementId, variables);
  };

export const siteWork = (login: string, siteWorkDate: string): Step =>
  doneOn(siteWorkDate, 'site_work', login, { siteWorkDate }, true);
export const contract = (contractSignedOn = REQUESTED): Step =>
  doneOn(contractSignedOn, 'contract', 'zhangli', { contractSignedOn }, false);
export const archive: Step = ['archive_task', 'zhangli', { documentsComplete: true }];

/** Completes the case's user tasks in order, through the tasklist API. */
export async function completeSteps(platform: Platform, processInstanceKey: string, steps: Step[]): Promise<void> {
  for (const step of steps) {
    if (typeof step === 'function') await step(platform, processInstanceKey);
    else await platform.completeTask(step[1], processInstanceKey, step[0], step[2] ?? {});
  }
}

export async function applicationNoOf(processInstanceKey: string): Promise<string> {
  return (await ChangeApplication.findOne({ where: { processInstanceKey } }))!.applicationNo;
}

/** Pays at the counter: once the fee notice has set the fee, what is still due (or `amountFen`). */
export async function payFee(platform: Platform, applicationNo: string, amountFen?: number) {
  const due = await waitForCase(platform, applicationNo, (found) => found.fee.dueFen > 0, 'fee set');
  const amount = amountFen ?? due.fee.dueFen - due.fee.paidFen;
  const clerk = await platform.as('zhangli');
  return clerk.post(`/change-of-use/applications/${applicationNo}/payments`, { amountFen: amount, method: 'wechat' });
}

/** The step of paying the whole fee, between the review and the site work. */
export const pay: Step = async (platform, processInstanceKey) => {
  const answer = await payFee(platform, await applicationNoOf(processInstanceKey));
  if (answer.status !== 201) throw new Error(`payment failed: ${JSON.stringify(answer.body)}`);
};

/** The account as it is now, from the database. */
export async function accountNow(id: number) {
  const account = await Account.findByPk(id);
  return account!.get({ plain: true });
}

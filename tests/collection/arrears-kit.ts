/**
 * Helpers for the arrears tests on a whole platform: China-time hours to pin the clock at, an arrears case as the
 * API shows it (and waiting for it to reach a state), the opening run, and the notifications of a case.
 */
import { RuleBook } from '../../domain/billing/rules/rule-book';
import { ARREARS_GRACE, ARREARS_REMINDERS, DISCONNECTION_NOTICE, PENALTY_RATES } from '../../domain/collection';
import type { Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

export const HOUR_MS = 3_600_000;

/** `hour` o'clock China time of a day (as the notice rule's cutHour places a cut). */
export const chinaHour = (day: string, hour: number) => new Date(Date.parse(`${day}T00:00:00Z`) + (hour - 8) * HOUR_MS);

/** The collection rules in force on `day` (the residential penalty rates). */
export async function arrearsRules(day: string) {
  const book = await RuleBook.load([ARREARS_GRACE, ARREARS_REMINDERS, DISCONNECTION_NOTICE, PENALTY_RATES]);
  return {
    grace: book.inForce(ARREARS_GRACE, '*', day).body,
    reminders: book.inForce(ARREARS_REMINDERS, '*', day).body,
    notice: book.inForce(DISCONNECTION_NOTICE, '*', day).body,
    rates: book.inForce(PENALTY_RATES, 'residential', day).body,
  };
}

export async function caseOf(platform: Platform, caseNo: string, login = 'heping') {
  const answer = await (await platform.as(login)).get(`/collection/arrears/${caseNo}`);
  if (answer.status !== 200) throw new Error(`case ${caseNo}: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

export const waitForCase = (platform: Platform, caseNo: string, holds: (found: any) => boolean, what: string) =>
  waitFor(
    async () => {
      const found = await caseOf(platform, caseNo);
      return holds(found) ? found : undefined;
    },
    { timeout: 15_000, interval: 150, description: `arrears case ${caseNo} ${what}` },
  );

/** Opens the arrears cases as the daily run does; answers the case of `accountNo`. */
export async function openCaseOf(
  platform: Platform,
  accountNo: string,
): Promise<{ caseNo: string; processInstanceKey: string }> {
  const collector = await platform.as('heping');
  const run = await collector.post('/collection/arrears/open');
  expect(run.status).toBe(200);
  const list = (await collector.get('/collection/arrears')).body.items as any[];
  const found = list.find((item) => item.accountNo === accountNo);
  expect(found).toBeDefined();
  return found;
}

/** The notifications of a case (as the administrator reads them), newest first. */
export async function caseNotifications(platform: Platform, caseNo: string): Promise<any[]> {
  return (await (await platform.as('admin')).get(`/notifications?businessKey=${caseNo}&limit=100`)).body.items;
}

/** `kind:title` of each notification of a case. */
export const customerNotices = async (platform: Platform, caseNo: string): Promise<string[]> =>
  (await caseNotifications(platform, caseNo)).map((item) => `${item.kind}:${item.title}`);

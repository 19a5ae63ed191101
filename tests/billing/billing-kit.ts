/**
 * Helpers for the billing-cycle tests: residential accounts (billing-database-kit.ts) with a meter straight in the
 * database, readings of earlier months, a section through the API, a reading file as the collection system writes
 * it, a run as the API shows it, and a section seeded for the billing screens' tests.
 */
import { MeterReading, type Register } from '../../db/billing/reading-models';
import { Meter, MeteringPoint } from '../../db/business-expansion/case-models';
import { Bill } from '../../db/core/customer-models';
import { READING_ANOMALY_RULES } from '../../domain/billing/readings/anomaly-rules';
import { seedBillingDemoUsers } from '../../platform/seed/billing-demo';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { seedPeople } from '../collection/collection-kit';
import { waitFor } from '../support/wait-for';
import { seedBillingAccount } from './billing-database-kit';

export interface MeteredAccount {
  accountId: number;
  accountNo: string;
  assetNo: string;
  meterId: number;
}

let serial = 0;

/** The whole platform for a billing-cycle test: the cycle's users and the cashiers, the clocks pinned to `now`. */
export function useBillingCyclePlatform(now: string, keep: (platform: Platform) => void): void {
  usePlatform(async (started) => {
    keep(started);
    await seedBillingDemoUsers();
    await seedPeople();
    await started.pinClock(now);
  });
}

/** A residential customer whose account has one meter and the monthly tiered tariff. */
export async function seedMeteredAccount(prefix: string): Promise<MeteredAccount> {
  serial += 1;
  const tag = `${prefix}${process.pid % 10_000}${String(serial).padStart(3, '0')}`;
  const account = await seedBillingAccount(
    { voltage: '220V', capacityKva: 8, category: 'residential' },
    { effectiveFrom: '2020-01-01', kind: 'residential-tiered', basicChargeBasis: null, powerFactorStandard: null },
  );
  const point = await MeteringPoint.create({
    pointNo: `MP${tag}`,
    applicationNo: `BA${tag}`,
    accountId: account.id,
    location: '表箱',
    meteringMethod: '低供低计',
  });
  const meter = await Meter.create({
    assetNo: `MT${tag}`,
    meteringPointId: point.id,
    spec: '单相智能表',
    installedAt: null,
  });
  return { accountId: account.id, accountNo: account.accountNo, assetNo: meter.assetNo, meterId: meter.id };
}

/** Total-register readings of earlier months, as if imported then: `values` by period. */
export async function seedHistory(
  account: MeteredAccount,
  values: Record<string, number>,
  register: Register = 'total',
) {
  await MeterReading.bulkCreate(
    Object.entries(values).map(([period, value]) => ({
      accountId: account.accountId,
      meterId: account.meterId,
      register,
      period,
      value,
      readAt: new Date(`${period}-25T02:00:00Z`),
      source: 'import' as const,
      recordedBy: 'test',
    })),
  );
}

/** A section through the API (as a billing clerk) with the accounts in it. */
export async function createSection(platform: Platform, code: string, accounts: MeteredAccount[]): Promise<number> {
  const clerk = await platform.as('jiangwen');
  const created = await clerk.post('/billing/sections', {
    code,
    name: `测试抄表段 ${code}`,
    unitCode: 'SH-PD',
    readingDay: 25,
  });
  if (created.status !== 201) throw new Error(`section: ${JSON.stringify(created.body)}`);
  const assigned = await clerk.put(`/billing/sections/${created.body.id}/accounts`, {
    accountIds: accounts.map((account) => account.accountId),
  });
  if (assigned.status !== 200) throw new Error(`section accounts: ${JSON.stringify(assigned.body)}`);
  return created.body.id;
}

export const csvLine = (account: MeteredAccount, register: string, value: number | string, time: string) =>
  `${account.accountNo},${account.assetNo},${register},${value},${time}`;

/** Uploads a reading file (the CSV as the body) and waits until its import is done. */
export async function importFile(platform: Platform, login: string, period: string, csv: string) {
  const client = await platform.as(login);
  const response = await client.fetch(`/billing/reading-imports?period=${period}&fileName=readings.csv`, {
    method: 'POST',
    headers: { 'content-type': 'text/csv' },
    body: csv,
  });
  if (response.status !== 202) throw new Error(`import: ${response.status} ${await response.text()}`);
  const { id } = (await response.json()) as { id: number };
  return waitFor(
    async () => {
      const found = await client.get(`/billing/reading-imports/${id}`);
      return found.body.status === 'running' ? undefined : found.body;
    },
    { timeout: 15_000, interval: 100, description: `reading import ${id}` },
  );
}

export async function waitForRunState(platform: Platform, runNo: string, state: string, timeout = 20_000) {
  const client = await platform.as('jiangwen');
  return waitFor(
    async () => {
      const found = await client.get(`/billing/runs/${runNo}`);
      return found.body.state === state ? found.body : undefined;
    },
    { timeout, interval: 150, description: `run ${runNo} ${state}` },
  );
}

/** Readings of the four months before November 2026 at `monthly` kWh each, from `start`. */
export const monthsBeforeNovember = (start: number, monthly: number) => ({
  '2026-07': start,
  '2026-08': start + monthly,
  '2026-09': start + 2 * monthly,
  '2026-10': start + 3 * monthly,
});

/** Metered accounts read in the four months before November, one per (prefix, first reading, kWh a month). */
export async function seedReadAccounts(...plans: [string, number, number][]): Promise<MeteredAccount[]> {
  const accounts: MeteredAccount[] = [];
  for (const [prefix, start, monthly] of plans) {
    const account = await seedMeteredAccount(prefix);
    await seedHistory(account, monthsBeforeNovember(start, monthly));
    accounts.push(account);
  }
  return accounts;
}

export interface ScreenSection {
  sectionId: number;
  /** Steady use; its November use is 150 kWh. */
  steady: MeteredAccount;
  /** Its file reading jumps past the anomaly rule's factor (re-read at `reread`: 100 kWh). */
  jumping: MeteredAccount;
  /** Billed 10.00 元 for October: its November bill (150 kWh) changes past the review rule and is flagged. */
  changed: MeteredAccount;
  reread: number;
  /** The collection system's file for November: the three accounts and, on line 5, an unknown register. */
  csv: string;
}

/** A section of three residential accounts for a November run whose file, anomaly and review the screens show. */
export async function seedScreenSection(platform: Platform, code: string): Promise<ScreenSection> {
  const [steady, jumping, changed] = await seedReadAccounts(['S', 1000, 150], ['J', 500, 100], ['C', 3000, 150]);
  await Bill.create({
    accountId: changed.accountId,
    period: '2026-10',
    amountFen: 1_000,
    dueDate: '2026-11-20',
    paidAt: new Date('2026-11-10T02:00:00Z'),
    status: 'issued',
  });
  const sectionId = await createSection(platform, code, [steady, jumping, changed]);
  const { jumpFactor } = READING_ANOMALY_RULES.defaults[0].body;
  const at = '2026-11-25T09:30:00+08:00';
  const csv = [
    'account,meter,register,reading,time',
    csvLine(steady, 'total', 1450 + 150, at),
    csvLine(jumping, 'total', 800 + (jumpFactor + 1) * 100, at),
    csvLine(changed, 'total', 3450 + 150, at),
    csvLine(steady, 'kvah', 12, at),
  ].join('\n');
  return { sectionId, steady, jumping, changed, reread: 900, csv };
}

/**
 * A 业扩 connection, once energized, is open for billing (decision 0062): the account has its tariff terms from the
 * day of energization and an initial reading of its meter's registers dated then; the step repeated adds nothing;
 * and the month's billing step bills it from the initial reading (not "without tariff").
 */
import { MeterReading } from '../../db/billing/reading-models';
import { ReadingSection, SectionAccount } from '../../db/billing/reading-models';
import { BillingRun } from '../../db/billing/run-models';
import { AccountTariff } from '../../db/billing/tariff-models';
import { BillLine } from '../../db/billing/billing-models';
import { Meter, MeteringPoint } from '../../db/business-expansion';
import { Account, Bill } from '../../db/core/customer-models';
import { computeBills, shiftPeriod } from '../../domain/billing';
import { energize } from '../../domain/business-expansion';
import { chinaDayOf } from '../../lib/calendar';
import { usePlatform, type Platform } from '../platform/platform-kit';
import {
  CONTRACT_SIGNED,
  METER_INSTALLED,
  SCHEME_LV,
  SURVEY_OK,
  completeCaseTask,
  residentialApplication,
  submit,
  waitForState,
} from '../business-expansion/business-expansion-kit';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

const ENERGIZED_AT = '2026-11-04T03:00:00Z';

test('an energized residential connection gets its terms and initial readings, and the month bills it', async () => {
  await platform.pinClock('2026-11-02T02:00:00Z');
  const { applicationNo: no } = await submit(platform, residentialApplication());
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  await completeCaseTask(platform, no, 'supply-scheme', 'liuyang', { ...SCHEME_LV, supplyVoltage: '220V' });
  await completeCaseTask(platform, no, 'sign-contract', 'zhangli', {
    ...CONTRACT_SIGNED,
    contractSignedAt: '2026-11-02',
  });
  await platform.pinClock(ENERGIZED_AT);
  await completeCaseTask(platform, no, 'install-meter', 'sunhao', { ...METER_INSTALLED, initialReading: 12 });
  const archived = await waitForState(platform, no, 'archived');
  const account = (await Account.findOne({ where: { accountNo: archived.account.accountNo } }))!;
  const point = (await MeteringPoint.findOne({ where: { applicationNo: no } }))!;
  const meter = (await Meter.findOne({ where: { meteringPointId: point.id } }))!;

  // Terms from the day of energization, by the opening rule: residential → tiered, no power-factor adjustment.
  const energizedDay = chinaDayOf(new Date(ENERGIZED_AT));
  const terms = await AccountTariff.findAll({ where: { accountId: account.id } });
  expect(terms).toHaveLength(1);
  expect(terms[0]).toMatchObject({ effectiveFrom: energizedDay, kind: 'residential-tiered', createdBy: 'system' });
  expect(terms[0].powerFactorStandard).toBeNull();
  // The install step's 起度 on the total register, closing the month before energization.
  const previous = shiftPeriod(energizedDay.slice(0, 7), -1);
  const initial = await MeterReading.findAll({ where: { accountId: account.id } });
  expect(initial.map((r) => [r.meterId, r.register, r.period, Number(r.value)])).toEqual([
    [meter.id, 'total', previous, 12],
  ]);
  expect(new Date(initial[0].readAt).toISOString()).toBe(new Date(ENERGIZED_AT).toISOString());

  // The step delivered again adds nothing.
  await energize(no);
  expect(await AccountTariff.count({ where: { accountId: account.id } })).toBe(1);
  expect(await MeterReading.count({ where: { accountId: account.id } })).toBe(1);

  // The month's reading, then the run's billing step: billed from the initial reading.
  const period = energizedDay.slice(0, 7);
  await MeterReading.create({
    accountId: account.id,
    meterId: meter.id,
    register: 'total',
    period,
    value: 162,
    readAt: new Date('2026-11-25T02:00:00Z'),
    source: 'import',
    recordedBy: 'test',
  });
  const section = await ReadingSection.create({
    code: `YK-${account.id}`,
    name: '新装',
    unitCode: 'SH-PD',
    readingDay: 25,
  });
  await SectionAccount.create({ sectionId: section.id, accountId: account.id });
  const run = await BillingRun.create({
    runNo: `CB-${section.code}`,
    sectionId: section.id,
    period,
    startedBy: 'test',
  });
  const outcome = await computeBills(platform.application.services.sequelize, run);
  expect(outcome).toMatchObject({ billsDone: 1, unbillable: 0 });
  const bill = (await Bill.findOne({ where: { accountId: account.id, period } }))!;
  const energy = await BillLine.findAll({ where: { billId: bill.id, kind: 'energy' } });
  expect(energy.reduce((sum, line) => sum + Number(line.quantity), 0)).toBe(162 - 12);
}, 120_000);

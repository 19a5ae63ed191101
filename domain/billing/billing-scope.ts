/**
 * Billing within the reader's units (decision 0025): a section and its runs belong to the section's unit, a bill and a
 * correction to their account's customer's unit. Out of scope answers as not found (404), like a number that does not
 * exist.
 */
import { Op } from 'sequelize';
import { ReadingSection } from '../../db/billing/reading-models';
import { BillingRun } from '../../db/billing/run-models';
import { BillCorrection } from '../../db/billing/tariff-models';
import { Bill } from '../../db/core/customer-models';
import { notFound, validationError } from '../../lib/errors/app-error';
import { accountInScope } from '../customers';
import { inScope, requireInScope, unitScope, type ScopeUser } from '../users';

/** The ids of the sections in the reader's units, or null for no limit. */
export async function sectionIdsInScope(reader: ScopeUser): Promise<number[] | null> {
  const scope = await unitScope(reader);
  if (scope === null) return null;
  const sections = await ReadingSection.findAll({ attributes: ['id'], where: { unitCode: { [Op.in]: scope } } });
  return sections.map((section) => section.id);
}

/** A new section belongs to one of its maker's units (an administrator's: any unit). */
export async function sectionUnitInScope(reader: ScopeUser, unitCode: string): Promise<void> {
  if (inScope(await unitScope(reader), unitCode)) return;
  const message = '抄表段只能建在本人所属单位 / a section can only be made for one of your units';
  throw validationError(`${message}: ${unitCode}`, [{ field: 'unitCode', message }]);
}

export async function sectionInScope(reader: ScopeUser, sectionId: number): Promise<void> {
  const section = await ReadingSection.findByPk(sectionId);
  await requireInScope(reader, section?.unitCode, '抄表段 / section', sectionId);
}

/** The run numbered `runNo`, if its section is in the reader's units. */
export async function runInScope(reader: ScopeUser, runNo: string): Promise<BillingRun> {
  const run = await BillingRun.findOne({ where: { runNo } });
  if (!run) throw notFound('核算批次 / billing run', runNo);
  const section = await ReadingSection.findByPk(run.sectionId);
  await requireInScope(reader, section?.unitCode, '核算批次 / billing run', runNo);
  return run;
}

export async function billInScope(reader: ScopeUser, billId: number): Promise<void> {
  const bill = await Bill.findByPk(billId);
  if (!bill) throw notFound('电费账单 / bill', billId);
  await accountInScope(reader, bill.accountId).catch(() => {
    throw notFound('电费账单 / bill', billId);
  });
}

export async function correctionInScope(reader: ScopeUser, correctionNo: string): Promise<void> {
  const correction = await BillCorrection.findOne({ where: { correctionNo } });
  if (!correction) throw notFound('退补申请 / correction', correctionNo);
  await accountInScope(reader, correction.accountId).catch(() => {
    throw notFound('退补申请 / correction', correctionNo);
  });
}

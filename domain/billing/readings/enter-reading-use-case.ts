/**
 * A reading entered by hand (a meter reader on site, a clerk correcting or estimating one): it takes the place of
 * the period's value of that register, with who, when and why, and is written to the audit log.
 */
import { z } from 'zod';
import type { Sequelize } from 'sequelize';
import { MeterReading, REGISTERS, type ReadingSource } from '../../../db/billing/reading-models';
import { appClock } from '../../../lib/clock/app-clock';
import { validationError } from '../../../lib/errors/app-error';
import { recordAudit } from '../../audit';
import { isPeriod } from './billing-period';
import { meterIdsOfAccount } from './meter-directory';

export const readingInput = z
  .object({
    accountId: z.number().int().positive(),
    /** The account's meter; may be left out when it has one. */
    meterId: z.number().int().positive().optional(),
    register: z.enum(REGISTERS).default('total'),
    period: z.string().refine(isPeriod, '应为 YYYY-MM / expected YYYY-MM'),
    value: z.number().finite().min(0),
    readAt: z.coerce.date().optional(),
    source: z.enum(['manual', 'estimated']).default('manual'),
    reason: z.string().trim().min(1).max(500),
  })
  .strict();
export type ReadingInput = z.input<typeof readingInput>;

export async function enterReading(sequelize: Sequelize, raw: ReadingInput, actor: string): Promise<MeterReading> {
  const input = readingInput.parse(raw);
  const meters = await meterIdsOfAccount(sequelize, input.accountId);
  const meterId = input.meterId ?? (meters.length === 1 ? meters[0] : undefined);
  if (meterId === undefined || !meters.includes(meterId))
    throw validationError(
      `户 ${input.accountId} 的表计不明确或不属于该户 / name one of the account's meters (${meters.join(', ') || 'none'})`,
    );
  const values = {
    accountId: input.accountId,
    meterId,
    register: input.register,
    period: input.period,
    value: input.value,
    readAt: input.readAt ?? appClock.now(),
    source: input.source as ReadingSource,
    recordedBy: actor,
    recordedAt: appClock.now(),
    importId: null,
    reason: input.reason,
  };
  const where = { accountId: input.accountId, meterId, register: input.register, period: input.period };
  const existing = await MeterReading.findOne({ where });
  const reading = existing ? await existing.update(values) : await MeterReading.create(values);
  await recordAudit({
    actor,
    action: 'reading.enter',
    target: `account/${input.accountId}/${input.register}/${input.period}`,
    detail: {
      value: input.value,
      before: existing?.previous('value') ?? null,
      source: input.source,
      reason: input.reason,
    },
  });
  return reading;
}

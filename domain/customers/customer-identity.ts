/**
 * A customer's identity rules (docs/business-rules.md §8.1): a person's 居民身份证号码 must pass the
 * GB 11643-1999 check, and one ID number belongs to one name — another name under a known number is a conflict.
 */
import type { Transaction } from 'sequelize';
import { Customer } from '../../db/core/customer-models';
import { AppError } from '../../lib/errors/app-error';
import type { z } from '../../lib/validation/zh-error-map';
import { isValidResidentId } from '../../lib/privacy/resident-id';
import { maskIdNumber } from '../../lib/privacy/mask-pii';

export interface Identity {
  kind: string;
  name: string;
  idNumber: string;
}

const RESIDENT_ID_MESSAGE =
  '居民身份证号码校验不通过（GB 11643），请核对证件 / not a valid resident ID number (GB 11643 check failed), check the ID card';

/** For a zod object's superRefine: a person's idNumber must be a valid 居民身份证号码; the 400 names the field. */
export function refineResidentId(value: { kind: string; idNumber: string }, context: z.RefinementCtx): void {
  if (value.kind === 'person' && !isValidResidentId(value.idNumber))
    context.addIssue({ code: 'custom', path: ['idNumber'], message: RESIDENT_ID_MESSAGE });
}

/** The customer already holding this ID number, after checking it is held under the same name. */
export async function checkIdentity(identity: Identity, transaction?: Transaction): Promise<Customer | null> {
  const holder = await Customer.findOne({ where: { idNumber: identity.idNumber }, transaction });
  if (holder && holder.name !== identity.name)
    throw new AppError(
      409,
      'ID_NUMBER_NAME_MISMATCH',
      `证件号码 ${maskIdNumber(identity.idNumber)} 已登记在另一姓名下，请核对姓名或证件 / ID number ${maskIdNumber(identity.idNumber)} is registered under another name: check the name or the ID`,
    );
  return holder;
}

/**
 * The run, bill or account a billing request names in its path, read only within the reader's units (decision
 * 0025): another unit's answers 404, like a number that does not exist. Every billing route goes through these.
 */
import type { Request } from 'express';
import { currentUser } from '../auth/require-auth';
import { parseId } from '../../lib/validation/parse-input';
import { billInScope, runInScope } from '../../domain/billing';
import { accountInScope } from '../../domain/customers';

/** `:runNo`: the run. */
export const scopedRun = (request: Request): ReturnType<typeof runInScope> =>
  runInScope(currentUser(request), String(request.params.runNo));

/** `:id` of a bill. */
export async function scopedBillId(request: Request): Promise<number> {
  const id = parseId(request.params.id, '账单');
  await billInScope(currentUser(request), id);
  return id;
}

/** `:id` of an account. */
export async function scopedAccountId(request: Request): Promise<number> {
  const id = parseId(request.params.id, '用电户');
  await accountInScope(currentUser(request), id);
  return id;
}

/**
 * What the account must look like for each change type (the preconditions of docs/business-rules.md §2); a refusal is a
 * 422 naming the account's state.
 */
import { Account } from '../../db/core/customer-models';
import { businessRuleViolated, notFound } from '../../lib/errors/app-error';
import { CHANGE_TYPE_NAMES, type ApplicationInput } from './change-types';

const refuse = (code: string, message: string) => businessRuleViolated(code, message);

function requireStatus(input: ApplicationInput, account: Account, statuses: string[]): void {
  if (statuses.includes(account.status)) return;
  throw refuse(
    'ACCOUNT_STATE',
    `用电户 ${account.accountNo} 状态为 ${account.status}，不能办理${CHANGE_TYPE_NAMES[input.changeType]} / account is ${account.status}, ${input.changeType} needs ${statuses.join(' or ')}`,
  );
}

function requireCapacity(ok: boolean, account: Account, what: string): void {
  if (!ok)
    throw refuse(
      'CAPACITY',
      `${what}与现有容量 ${account.capacityKva} kVA 不符 / ${what} does not fit the capacity ${account.capacityKva} kVA`,
    );
}

/** Loads the merge target and checks it shares the address and supply point (docs/business-rules.md §2 分户/并户). */
async function mergeTarget(account: Account, targetAccountId: number): Promise<Account> {
  const target = await Account.findByPk(targetAccountId);
  if (!target || target.id === account.id) throw notFound('并入用电户 / target account', targetAccountId);
  if (target.status !== 'active') throw refuse('ACCOUNT_STATE', `并入户 ${target.accountNo} 状态为 ${target.status}`);
  if (target.address !== account.address || target.supplyPoint !== account.supplyPoint)
    throw refuse(
      'NOT_SAME_SITE',
      `并户须同一用电地址、同一供电点 / merging needs the same address and supply point (${target.accountNo})`,
    );
  return target;
}

/** Checks the account for the change; answers the other accounts the change touches (merge target). */
export async function checkAccountFor(input: ApplicationInput, account: Account): Promise<number[]> {
  const capacity = account.capacityKva;
  requireStatus(input, account, ['active', 'suspended', 'reduced', 'removed']);
  switch (input.changeType) {
    case 'suspend-resume':
      requireStatus(input, account, ['suspended']);
      return [];
    case 'reduction-resume':
      requireStatus(input, account, ['reduced']);
      return [];
    case 'suspend':
      requireStatus(input, account, ['active']);
      if (input.suspendedKva !== undefined)
        requireCapacity(input.suspendedKva <= capacity, account, `暂停容量 ${input.suspendedKva} kVA`);
      return [];
    case 'capacity-reduction':
      requireStatus(input, account, ['active']);
      requireCapacity(input.newCapacityKva < capacity, account, `减容后容量 ${input.newCapacityKva} kVA`);
      return [];
    case 'temporary-swap':
      requireStatus(input, account, ['active']);
      requireCapacity(input.newCapacityKva > capacity, account, `暂换容量 ${input.newCapacityKva} kVA`);
      return [];
    case 'split':
      requireStatus(input, account, ['active']);
      requireCapacity(input.splitCapacityKva < capacity, account, `分出容量 ${input.splitCapacityKva} kVA`);
      return [];
    case 'merge':
      requireStatus(input, account, ['active']);
      return [(await mergeTarget(account, input.targetAccountId)).id];
    case 'voltage-change':
      requireStatus(input, account, ['active']);
      if (input.newVoltage === account.voltage) throw refuse('SAME_VALUE', `供电电压已是 ${account.voltage}`);
      return [];
    case 'category-change':
      requireStatus(input, account, ['active']);
      if (input.newCategory === account.category) throw refuse('SAME_VALUE', `用电类别已是 ${account.category}`);
      return [];
    case 'close':
    case 'rename':
    case 'transfer':
    case 'temporary-supply':
      return [];
    default:
      requireStatus(input, account, ['active']);
      return [];
  }
}

/**
 * What each change type does to the accounts once the site work is done (phase `change`), and what the end of a
 * temporary change restores (phase `restore`). The route decides whether a case gets here; this says what to write.
 */
import { Account, Customer } from '../../db/core/customer-models';
import { ModelError } from '../../lib/errors/model-error';
import type { ChangeLedger } from './change-ledger';
import { customerFor, openAccount, type NewCustomer } from './new-parties';

type Details = Record<string, unknown>;
const num = (details: Details, key: string): number => {
  const value = Number(details[key]);
  if (!Number.isFinite(value)) throw new ModelError(`申请缺少 ${key} / the application has no ${key}`);
  return value;
};

export async function applyChange(ledger: ChangeLedger, account: Account, details: Details): Promise<void> {
  const { day, transaction } = ledger;
  const capacity = account.capacityKva;
  switch (ledger.application.changeType) {
    case 'suspend':
      // Part of the capacity (some transformers) when the case names it; billing reads it from the ledger.
      if (details.suspendedKva !== undefined)
        await ledger.note(account.id, 'suspendedKva', String(num(details, 'suspendedKva')));
      return ledger.set(account, { status: 'suspended', basicChargeStoppedOn: day, basicChargeRestartsOn: null });
    case 'capacity-reduction':
      return ledger.set(account, {
        capacityKva: num(details, 'newCapacityKva'),
        status: 'reduced',
        basicChargeStoppedOn: day,
        basicChargeRestartsOn: null,
      });
    case 'suspend-resume':
      return ledger.set(account, { status: 'active', basicChargeRestartsOn: day });
    case 'reduction-resume': {
      const before = await ledger.valueBefore(account.id, 'capacityKva');
      return ledger.set(account, {
        status: 'active',
        basicChargeRestartsOn: day,
        ...(before ? { capacityKva: Number(before) } : {}),
      });
    }
    case 'temporary-swap':
      return ledger.set(account, { capacityKva: num(details, 'newCapacityKva') });
    case 'temporary-removal':
      return ledger.set(account, { status: 'removed' });
    case 'relocation':
      return ledger.set(account, { address: String(details.newAddress) });
    case 'meter-move':
      return ledger.note(account.id, 'meterLocation', String(details.newMeterLocation));
    case 'voltage-change':
      return ledger.set(account, { voltage: String(details.newVoltage) });
    case 'category-change':
      return ledger.set(account, { category: String(details.newCategory) });
    case 'close':
      await ledger.note(account.id, 'deposit', 'refunded');
      return ledger.set(account, { status: 'closed', basicChargeStoppedOn: day });
    case 'rename': {
      const customer = await Customer.findByPk(account.customerId, { transaction });
      if (!customer) throw new ModelError(`用户不存在 / no customer ${account.customerId}`);
      await ledger.note(account.id, 'customerName', String(details.newName), customer.name);
      await customer.update({ name: String(details.newName) }, { transaction });
      return;
    }
    case 'transfer': {
      const previous = await Customer.findByPk(account.customerId, { transaction });
      const owner = await customerFor(ledger, details.newCustomer as NewCustomer, previous!);
      return ledger.set(account, { customerId: owner.id });
    }
    case 'split': {
      const part = num(details, 'splitCapacityKva');
      const { customerId, voltage, category, supplyPoint } = account;
      const address = typeof details.newAccountAddress === 'string' ? details.newAccountAddress : account.address;
      await openAccount(ledger, { customerId, address, voltage, category, supplyPoint, capacityKva: part });
      return ledger.set(account, { capacityKva: capacity - part });
    }
    case 'merge': {
      const target = await Account.findByPk(num(details, 'targetAccountId'), { transaction });
      if (!target) throw new ModelError(`并入户不存在 / no target account ${String(details.targetAccountId)}`);
      await ledger.set(target, { capacityKva: target.capacityKva + capacity });
      return ledger.set(account, { status: 'closed' });
    }
    case 'temporary-supply': {
      const { customerId, category, supplyPoint } = account;
      const values = { address: String(details.address), voltage: String(details.voltage) };
      await openAccount(ledger, {
        customerId,
        category,
        supplyPoint,
        ...values,
        capacityKva: num(details, 'capacityKva'),
      });
      return;
    }
    default:
      throw new ModelError(`未知变更类型 / unknown change type ${ledger.application.changeType}`);
  }
}

/** At the end of a temporary change: `outcome` is what the crew recorded (restored | ended | new-connection-required). */
export async function applyRestore(ledger: ChangeLedger, account: Account, outcome: string): Promise<void> {
  const { applicationNo, changeType } = ledger.application;
  switch (changeType) {
    case 'temporary-swap': {
      const before = await ledger.valueBefore(account.id, 'capacityKva', applicationNo);
      return ledger.set(account, { capacityKva: Number(before ?? account.capacityKva) });
    }
    case 'temporary-removal':
      return ledger.set(account, { status: outcome === 'restored' ? 'active' : 'closed' });
    case 'temporary-supply': {
      const temporary = await ledger.createdAccount();
      if (!temporary) throw new ModelError(`临时用电户不存在 / no temporary account for ${applicationNo}`);
      return ledger.set(temporary, { status: 'closed', basicChargeStoppedOn: ledger.day });
    }
    default:
      throw new ModelError(`${changeType} 没有到期恢复 / ${changeType} has no restore`);
  }
}

/**
 * Changes an account field by field and writes each change down (old and new value, effective day) inside the
 * caller's transaction, so that a case shows what it did and a later resume finds what to restore.
 */
import type { InferAttributes, Transaction } from 'sequelize';
import { Account } from '../../db/core/customer-models';
import { AccountChange, type ChangeApplication } from '../../db/change-of-use/change-of-use-models';

export type AccountField =
  | 'status'
  | 'capacityKva'
  | 'basicChargeStoppedOn'
  | 'basicChargeRestartsOn'
  | 'address'
  | 'voltage'
  | 'category'
  | 'customerId';

type AccountValues = Partial<Pick<InferAttributes<Account>, AccountField>>;
const asText = (value: unknown): string | null => (value === null || value === undefined ? null : String(value));

export class ChangeLedger {
  constructor(
    readonly application: ChangeApplication,
    readonly phase: 'change' | 'restore',
    readonly day: string,
    readonly transaction: Transaction,
  ) {}

  /** Whether this phase of the case was already applied (a redelivered job). */
  async alreadyApplied(): Promise<boolean> {
    const { applicationNo } = this.application;
    return (
      (await AccountChange.count({ where: { applicationNo, phase: this.phase }, transaction: this.transaction })) > 0
    );
  }

  async set(account: Account, values: AccountValues): Promise<void> {
    for (const [field, value] of Object.entries(values)) {
      await this.note(account.id, field, asText(value), asText(account.get(field as AccountField)));
    }
    await account.update(values, { transaction: this.transaction });
  }

  /** Writes a change down without touching the account (a meter moved, a deposit refunded, an account created). */
  async note(accountId: number, field: string, newValue: string | null, oldValue: string | null = null): Promise<void> {
    await AccountChange.create(
      {
        applicationNo: this.application.applicationNo,
        accountId,
        phase: this.phase,
        field,
        oldValue,
        newValue,
        effectiveOn: this.day,
      },
      { transaction: this.transaction },
    );
  }

  /** The value a field had before an earlier change (e.g. the capacity before a reduction or a swap). */
  async valueBefore(accountId: number, field: string, applicationNo?: string): Promise<string | null> {
    const row = await AccountChange.findOne({
      where: { accountId, field, phase: 'change', ...(applicationNo ? { applicationNo } : {}) },
      order: [['id', 'DESC']],
      transaction: this.transaction,
    });
    return row?.oldValue ?? null;
  }

  /** An account the case created (split, temporary supply). */
  async createdAccount(): Promise<Account | null> {
    const row = await AccountChange.findOne({
      where: { applicationNo: this.application.applicationNo, phase: 'change', field: 'created' },
      transaction: this.transaction,
    });
    return row ? Account.findByPk(row.accountId, { transaction: this.transaction }) : null;
  }
}

/**
 * Reference data of billing and collection: the roles along the monthly cycle and the arrears flow (role codes
 * are the BPMN candidate groups), and the default rows of every billing rule set with their sources. Kept in step
 * at every start; rules an administrator has versioned are never overwritten.
 */
import { Role } from '../../db/core/user-models';
import { seedDefaultRules } from '../../domain/billing/rules/rule-book';
import { RULE_SETS } from '../../domain/rule-sets';

export const BILLING_ROLES = [
  { code: 'meter-reader', name: '抄表员', nameEn: 'Meter reader', permissions: ['tasks:complete', 'readings:write'] },
  {
    code: 'billing-clerk',
    name: '电费核算员',
    nameEn: 'Billing clerk',
    permissions: ['tasks:complete', 'billing:write', 'readings:write'],
  },
  {
    code: 'billing-reviewer',
    name: '核算审核员',
    nameEn: 'Billing reviewer',
    permissions: ['tasks:complete', 'billing:read'],
  },
  {
    code: 'billing-supervisor',
    name: '电费主管',
    nameEn: 'Billing supervisor',
    permissions: ['tasks:complete', 'billing:read', 'billing:approve', 'billing-rules:write'],
  },
  {
    code: 'cashier',
    name: '收费员',
    nameEn: 'Cashier',
    permissions: ['tasks:complete', 'payments:write', 'billing:read', 'pii:view'],
  },
  {
    code: 'arrears-collector',
    name: '催费员',
    nameEn: 'Arrears collector',
    permissions: ['tasks:complete', 'billing:read', 'pii:view'],
  },
  // The customer app's service account: it records the payments customers make in the app, nothing else.
  { code: 'payment-channel', name: '缴费渠道', nameEn: 'Payment channel', permissions: ['payments:write'] },
];

export async function seedBillingReference(): Promise<void> {
  for (const role of BILLING_ROLES) await Role.upsert(role);
  await seedDefaultRules(RULE_SETS);
}

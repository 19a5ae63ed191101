/**
 * Demo users of the billing cycle: one per role along it (password DEMO_PASSWORD), in the Pudong unit, so that a
 * run's tasks have someone to do them.
 */
import { hashPassword } from '../../domain/users';
import { User } from '../../db/core/user-models';
import { appVariable } from '../../lib/config/app-config';
import type { PlatformServices } from '../platform-services';

export const BILLING_DEMO_USERS = [
  { login: 'fangming', name: '方明', roles: ['meter-reader'], groups: ['SH-PD'] },
  { login: 'jiangwen', name: '蒋雯', roles: ['billing-clerk'], groups: ['SH-PD'] },
  { login: 'yuhong', name: '于红', roles: ['billing-reviewer'], groups: ['SH-PD'] },
  { login: 'pengbin', name: '彭斌', roles: ['billing-supervisor'], groups: ['SH-PD'] },
];

export async function seedBillingDemoUsers(services?: Pick<PlatformServices, 'config'>): Promise<void> {
  const password = services?.config.DEMO_PASSWORD ?? appVariable('DEMO_PASSWORD');
  for (const user of BILLING_DEMO_USERS) {
    if (await User.findOne({ where: { login: user.login } })) continue;
    await User.create({ ...user, phone: null, passwordHash: await hashPassword(password) });
  }
}

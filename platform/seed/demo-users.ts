/**
 * Demo users, one or more per role, all with the password DEMO_PASSWORD: for trying the
 * system and for tests, never for production (APP_DEMO_DATA=false leaves them out).
 */
import { User } from '../../db/core/user-models';
import { hashPassword } from '../../domain/users';
import { appVariable } from '../../lib/config/app-config';
import type { PlatformServices } from '../platform-services';

export const DEMO_USERS = [
  { login: 'admin', name: '系统管理员', roles: ['admin'], groups: ['SH'] },
  { login: 'zhangli', name: '张丽', roles: ['counter-clerk'], groups: ['SH-PD'] },
  // A second Pudong clerk: reviews the changes zhangli accepts (no one reviews her own, decision 0025).
  { login: 'lixue', name: '李雪', roles: ['counter-clerk'], groups: ['SH-PD'] },
  { login: 'wangqiang', name: '王强', roles: ['surveyor'], groups: ['SH-PD'] },
  { login: 'liuyang', name: '刘洋', roles: ['scheme-designer'], groups: ['SH-PD'] },
  { login: 'chenjing', name: '陈静', roles: ['approver'], groups: ['SH-PD'] },
  { login: 'zhaolei', name: '赵磊', roles: ['construction'], groups: ['SH-PD'] },
  { login: 'sunhao', name: '孙浩', roles: ['metering'], groups: ['SH-PD'] },
  { login: 'zhoumin', name: '周敏', roles: ['manager'], groups: ['SH-PD'] },
  // Two analysts: the modeler tells the second one who opens a draft that the first has it open.
  { login: 'huangyan', name: '黄燕', roles: ['analyst'], groups: ['SH'] },
  { login: 'tangyue', name: '唐悦', roles: ['analyst'], groups: ['SH'] },
  // Another unit's counter and survey: they see Minhang's customers and cases, not Pudong's (decision 0025).
  { login: 'wuting', name: '吴婷', roles: ['counter-clerk'], groups: ['SH-MH'] },
  { login: 'xugang', name: '徐刚', roles: ['surveyor'], groups: ['SH-MH'] },
];

/** `services` gives the configured DEMO_PASSWORD; tests that seed alone get the variable's value or default. */
export async function seedDemoUsers(services?: Pick<PlatformServices, 'config'>): Promise<void> {
  const password = services?.config.DEMO_PASSWORD ?? appVariable('DEMO_PASSWORD');
  for (const user of DEMO_USERS) {
    if (await User.findOne({ where: { login: user.login } })) continue;
    await User.create({ ...user, phone: null, passwordHash: await hashPassword(password) });
  }
}

/**
 * Demo data of the 95598 work orders: one user per role of the dispatch chain (password DEMO_PASSWORD) and a few
 * orders created through the API's use case, so that they are real process instances.
 */
import { hashPassword } from '../../domain/users';
import { createWorkOrder } from '../../domain/work-orders';
import { User } from '../../db/core/user-models';
import { appVariable } from '../../lib/config/app-config';
import type { PlatformServices } from '../platform-services';

export const WORK_ORDER_DEMO_USERS = [
  { login: 'liuna', name: '刘娜', roles: ['agent'], groups: ['SGCC-95598'] },
  { login: 'gaofeng', name: '高峰', roles: ['national-dispatcher'], groups: ['SGCC-95598'] },
  { login: 'hewei', name: '何伟', roles: ['province-dispatcher'], groups: ['SH'] },
  { login: 'majun', name: '马军', roles: ['dispatcher'], groups: ['SH-CMD'] },
  { login: 'lutao', name: '陆涛', roles: ['crew'], groups: ['SH-PD-QX'] },
  { login: 'qianbo', name: '钱波', roles: ['crew'], groups: ['SH-MH-QX'] },
  // Each crew sees and takes only its own unit's orders (decision 0025): Chongming's too has one.
  { login: 'caiyong', name: '蔡勇', roles: ['crew'], groups: ['SH-CM-QX'] },
  { login: 'songjia', name: '宋佳', roles: ['reviewer'], groups: ['SH-CMD'] },
  { login: 'tangli', name: '唐丽', roles: ['callback-agent'], groups: ['SGCC-95598'] },
];

/** `services` gives the configured DEMO_PASSWORD; tests that seed alone get the variable's value or default. */
export async function seedWorkOrderDemoUsers(services?: Pick<PlatformServices, 'config'>): Promise<void> {
  const password = services?.config.DEMO_PASSWORD ?? appVariable('DEMO_PASSWORD');
  for (const user of WORK_ORDER_DEMO_USERS) {
    if (await User.findOne({ where: { login: user.login } })) continue;
    await User.create({ ...user, phone: null, passwordHash: await hashPassword(password) });
  }
}

const DEMO_ORDERS = [
  {
    channel: 'phone',
    orderType: 'fault-repair',
    subType: 'outage',
    urgency: 'urgent',
    customerName: '王建国',
    phone: '13812345678',
    area: 'SH-PD',
    address: '上海市浦东新区张杨路100弄3号',
    content: '家中突然停电，邻居家也没电。',
  },
  {
    channel: 'app',
    orderType: 'consultation',
    urgency: 'normal',
    customerName: '李梅',
    phone: '13987654321',
    area: 'SH-MH',
    address: '上海市闵行区莘庄镇莘松路20号',
    content: '请问居民阶梯电价怎么算？',
  },
  {
    channel: 'wechat',
    orderType: 'complaint',
    subType: 'service',
    urgency: 'normal',
    customerName: '赵强',
    phone: '021-58881234',
    area: 'SH-PD',
    address: '上海市浦东新区世纪大道88号',
    content: '营业厅工作人员态度差，办理业务等了两个小时。',
  },
];

export async function seedWorkOrderDemo(services: PlatformServices): Promise<void> {
  await seedWorkOrderDemoUsers(services);
  for (const order of DEMO_ORDERS) await createWorkOrder(services.camunda, order, 'liuna');
}

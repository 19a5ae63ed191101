/**
 * Helpers for the 95598 work-order end-to-end tests: the platform with the 95598 demo users, an order body with
 * sensible defaults, and steps that wait for what the engine and the workers do.
 */
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { startPlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

export async function startWorkOrderPlatform(): Promise<Platform> {
  const platform = await startPlatform();
  await seedWorkOrderDemoUsers();
  return platform;
}

let phoneCounter = 0;
/** A fresh customer phone per order unless given, so that tests sharing a platform do not see each other's orders. */
export function orderBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  phoneCounter += 1;
  return {
    channel: 'phone',
    orderType: 'fault-repair',
    subType: 'outage',
    urgency: 'normal',
    customerName: '测试客户',
    phone: `139${String(Date.now() % 10_000).padStart(4, '0')}${String(phoneCounter).padStart(4, '0')}`,
    area: 'SH-PD',
    address: '上海市浦东新区测试路1号',
    content: '家里停电了',
    ...overrides,
  };
}

export interface Created {
  orderNo: string;
  processInstanceKey: string;
  repeatedComplaint: boolean;
  relatedOrderNo: string | null;
}

export async function createOrder(platform: Platform, overrides: Record<string, unknown> = {}): Promise<Created> {
  const answer = await (await platform.as('liuna')).post('/work-orders', orderBody(overrides));
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** As Pudong's manager by default: a manager sees the orders of their own unit only. */
export async function orderDetail(platform: Platform, orderNo: string, login = 'zhoumin'): Promise<any> {
  const answer = await (await platform.as(login)).get(`/work-orders/${orderNo}`);
  if (answer.status !== 200) throw new Error(`detail failed: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** Waits until the order's detail satisfies `check`, and returns it. */
export function waitForOrder(
  platform: Platform,
  orderNo: string,
  check: (order: any) => boolean,
  description: string,
): Promise<any> {
  return waitFor(
    async () => {
      const order = await orderDetail(platform, orderNo);
      return check(order) ? order : undefined;
    },
    { timeout: 15_000, interval: 150, description: `${orderNo}: ${description}` },
  );
}

/** Who completes each user task of the model. */
export const TASK_USERS: Record<string, string> = {
  'national-dispatch': 'gaofeng',
  'province-dispatch': 'hewei',
  'city-dispatch': 'majun',
  'unit-dispatch': 'lutao',
  arrive: 'lutao',
  restore: 'lutao',
  contact: 'lutao',
  'complaint-handle': 'lutao',
  'report-handle': 'lutao',
  'service-handle': 'lutao',
  'feedback-handle': 'lutao',
  'agent-answer': 'liuna',
  review: 'songjia',
  callback: 'tangli',
};

/** As the step's user of TASK_USERS (Pudong's crew for the crew's steps), or as `login`. */
export function complete(
  platform: Platform,
  created: Created,
  elementId: string,
  variables: Record<string, unknown> = {},
  login = TASK_USERS[elementId]!,
): Promise<void> {
  return platform.completeTask(login, created.processInstanceKey, elementId, variables);
}

export const accept = { dispatchDecision: 'accept' };

/** Dispatch levels from `levels[0]` down to the crew, all accepting. */
export async function dispatchDown(platform: Platform, created: Created, levels: string[]): Promise<void> {
  for (const level of levels) await complete(platform, created, `${level}-dispatch`, accept);
}

/** Reply → review passes → callback with the given satisfaction (`handling`: more fields of the reply's form). */
export async function replyReviewCallback(
  platform: Platform,
  created: Created,
  handlingTask: string,
  satisfaction: 'satisfied' | 'unsatisfied',
  handling: Record<string, unknown> = {},
): Promise<void> {
  await complete(platform, created, handlingTask, { reply: '已处理完毕，已告知客户', ...handling });
  await complete(platform, created, 'review', { reviewResult: 'pass' });
  await complete(platform, created, 'callback', { satisfaction, callbackComment: '回访记录' });
}

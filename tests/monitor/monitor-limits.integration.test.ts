/**
 * The monitor's limits, met for real: more customers match a name than the filter looks at, and more tasks are
 * overdue than the overdue figures read (5,001 instances of one case due on day one, and one other case due a day
 * later, the least overdue). The answers say they are capped; each row's own overdue flag stays right whatever the
 * number of overdue tasks. The tasklist's customer filter says it is capped the same way.
 */
import { join } from 'node:path';
import { Customer } from '../../db/core/customer-models';
import { CUSTOMER_MATCHES_LIMIT } from '../../domain/cases';
import { OVERDUE_TASKS_LIMIT } from '../../domain/monitor/overdue-steps';
import { applicant, residentialApplication, submit } from '../business-expansion/business-expansion-kit';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { inParallel } from '../support/in-parallel';
import { waitFor } from '../support/wait-for';

let platform: Platform;
const T0 = Date.parse('2026-10-13T01:00:00Z');
const DAY = 86_400_000;
const MANY = OVERDUE_TASKS_LIMIT + 1;
let applicationNo: string;

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(new Date(T0));
});

beforeAll(async () => {
  const { zeebe, rest } = platform.application.services.camunda;
  ({ applicationNo } = await submit(platform, residentialApplication({ customer: applicant({ name: '限额客户甲' }) })));
  // Customers in bulk straight into the application's table: only their number matters to the filter here.
  await Customer.bulkCreate(
    Array.from({ length: CUSTOMER_MATCHES_LIMIT }, (_, n) => ({
      customerNo: `XE${String(n).padStart(6, '0')}`,
      kind: 'person',
      name: `限额客户${n}`,
      idNumber: `X${n}`,
      phone: `1380000${String(n).padStart(4, '0')}`,
      address: '上海市浦东新区',
      area: 'SH-PD',
    })),
  );
  await zeebe.deployResources([{ processFilename: join(__dirname, '../web/fixtures/monitor-load.bpmn') }]);
  const start = (businessKey: string, due: number) =>
    zeebe.createProcessInstance({
      bpmnProcessId: 'monitor-load',
      variables: { businessKey, route: 'check', dueDate: new Date(due).toISOString() },
    });
  await inParallel(MANY, () => start('JKL-MANY', T0 + DAY));
  await platform.pinClock(new Date(T0 + 60_000));
  await start('JKL-LAST', T0 + 2 * DAY);
  await waitFor(
    async () => {
      const open = await rest.searchUserTasks({
        filter: { processDefinitionId: 'monitor-load', state: 'CREATED' },
        page: { limit: 1 },
      } as never);
      return Number(open.page.totalItems) === MANY + 1;
    },
    { timeout: 120_000, interval: 500, description: `${MANY + 1} open tasks` },
  );
  await platform.pinClock(new Date(T0 + 30 * DAY));
}, 600_000);

const manager = () => platform.as('zhoumin');

test('more customers match than the filter looks at: the list says it is capped', async () => {
  const client = await manager();
  const wide = await client.get('/monitor/instances?customer=限额客户');
  expect(wide.status).toBe(200);
  expect(wide.body.capped).toEqual(['customer']);
  const narrow = await client.get('/monitor/instances?customer=限额客户甲');
  expect(narrow.body).toMatchObject({ total: 1, capped: [] });
  expect(narrow.body.items[0].businessKey).toBe(applicationNo);

  // The tasklist's customer filter has the same limit and says so too.
  const wideTasks = await client.get(`/tasks?scope=group&customer=${encodeURIComponent('限额客户')}`);
  expect(wideTasks.status).toBe(200);
  expect(wideTasks.body.capped).toEqual(['customer']);
  const narrowTasks = await client.get(`/tasks?scope=group&customer=${encodeURIComponent('限额客户甲')}`);
  expect(narrowTasks.body.capped).toEqual([]);
});

test('more tasks overdue than the figures read: the list and the processes screen say so', async () => {
  const client = await manager();
  // The most overdue tasks are read: the case due a day later is past the limit, and the answer says it may be.
  const overdue = await client.get('/monitor/instances?processId=monitor-load&state=overdue&size=1');
  expect(overdue.status).toBe(200);
  expect(overdue.body).toMatchObject({ total: MANY, capped: ['overdue'] });
  const processes = await client.get('/monitor/processes');
  expect(processes.body.overdueCapped).toBe(true);
  const fixture = processes.body.items.find((item: any) => item.processDefinitionId === 'monitor-load');
  expect(fixture).toMatchObject({ running: MANY + 1, overdue: MANY });
});

test('each row’s overdue flag is right, however many tasks its page’s cases have overdue', async () => {
  const client = await manager();
  const page = await client.get('/monitor/instances?processId=monitor-load&caseNo=JKL&size=5');
  expect(page.status).toBe(200);
  expect(page.body.items.map((row: any) => [row.businessKey, row.overdue])).toEqual([
    ['JKL-LAST', true],
    ...Array.from({ length: 4 }, () => ['JKL-MANY', true]),
  ]);
});

/**
 * The tasklist API the screens read: GET /api/tasks pages, sorts and filters on the server, each row with its case
 * and its time-limit state at the application's clock; GET /api/tasks/{key}/form passes the deployed form through.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';
import { hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { waitFor } from '../support/wait-for';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

test('tasks are paged, sorted and filtered on the server, each row with its case and time-limit state', async () => {
  const numbers: string[] = [];
  for (const name of ['分页测试甲有限公司', '分页测试乙有限公司', '分页测试丙有限公司'])
    numbers.push((await submit(platform, hvApplication(name))).applicationNo);
  const surveyor = await platform.as('wangqiang');
  const all = await waitFor(
    async () => {
      const answer = await surveyor.get('/tasks?scope=group&size=200');
      return answer.body.total >= 3 && answer.body;
    },
    { timeout: 30_000, description: 'three survey tasks' },
  );
  expect(all.items).toHaveLength(all.total);
  for (const no of numbers) {
    const row = all.items.find((task: any) => task.case.businessKey === no);
    expect(row.name).toBe('现场勘查');
    expect(row.case).toEqual({
      businessKey: no,
      customerName: expect.stringMatching(/^分页测试.有限公司$/),
      address: '上海市浦东新区张江路 1000 号',
      businessType: 'new',
    });
    expect(row.timeLimit.state).toBe('ok');
    expect(Date.parse(row.timeLimit.dueDate)).toBeGreaterThan(Date.parse(all.now));
  }

  const page1 = (await surveyor.get('/tasks?scope=group&size=2&page=1')).body;
  const page2 = (await surveyor.get('/tasks?scope=group&size=2&page=2')).body;
  expect(page1.items).toHaveLength(2);
  expect(page1.total).toBe(all.total);
  const keys = (page: any) => page.items.map((task: any) => task.userTaskKey);
  expect([...keys(page1), ...keys(page2)]).toEqual(keys(all).slice(0, 4));
  const newestFirst = (await surveyor.get('/tasks?scope=group&size=200&order=desc')).body;
  expect(keys(newestFirst)).toEqual([...keys(all)].reverse());

  const one = (await surveyor.get(`/tasks?scope=group&caseNo=${numbers[1]}`)).body;
  expect(one.total).toBe(1);
  expect(one.items[0].case.businessKey).toBe(numbers[1]);
  expect((await surveyor.get('/tasks?scope=group&area=work-order')).body.total).toBe(0);
  expect((await surveyor.get('/tasks?scope=group&area=business-expansion')).body.total).toBe(all.total);
  expect((await surveyor.get('/tasks?scope=group&dueState=ok')).body.total).toBe(all.total);
  expect((await surveyor.get('/tasks?scope=group&dueState=overdue')).body.total).toBe(0);

  const bad = await surveyor.get('/tasks?scope=group&size=0&dueState=late');
  expect(bad.status).toBe(400);
  expect(bad.body.details.map((detail: any) => detail.field).sort()).toEqual(['dueState', 'size']);

  const form = await surveyor.get(`/tasks/${all.items[0].userTaskKey}/form`);
  expect(form.status).toBe(200);
  expect(form.body.schema.components.map((component: any) => component.key)).toContain('surveyFindings');

  // Past every due date on the application's clock, the same tasks are overdue.
  const latestDue = Math.max(...all.items.map((task: any) => Date.parse(task.timeLimit.dueDate)));
  await platform.pinClock(new Date(latestDue + 3_600_000));
  const overdue = (await surveyor.get('/tasks?scope=group&dueState=overdue&size=200')).body;
  expect(overdue.total).toBe(all.total);
  expect(overdue.items.every((task: any) => task.timeLimit.state === 'overdue')).toBe(true);
}, 120_000);

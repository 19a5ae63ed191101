/**
 * The tasklist API the screens read: GET /api/tasks pages, sorts and filters on the server, each row with its case
 * and its time-limit state at the application's clock; GET /api/tasks/{key}/form passes the deployed form through;
 * asked in English, the names and forms of the models come from their English catalogue (decision 0035).
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

test('asked in English (Accept-Language), steps, processes, forms and diagrams come from the catalogue; data stays', async () => {
  const { applicationNo } = await submit(platform, hvApplication('英文接口测试有限公司'));
  const surveyor = await platform.as('wangqiang');
  const inEnglish = async (path: string, client = surveyor) => {
    const response = await client.fetch(path, { headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
    expect(response.headers.get('vary')).toMatch(/accept-language/i);
    return (await response.json()) as any;
  };
  const list = await waitFor(
    async () => {
      const answer = await inEnglish(`/tasks?scope=group&caseNo=${applicationNo}`);
      return answer.total === 1 && answer;
    },
    { timeout: 30_000, description: 'the survey task' },
  );
  const [task] = list.items;
  expect(task.name).toBe('Site survey');
  expect(task.case.customerName).toBe('英文接口测试有限公司');
  expect((await inEnglish(`/tasks/${task.userTaskKey}`)).name).toBe('Site survey');

  const chinese = /[\u3400-\u9fff]/;
  const form = (await inEnglish(`/tasks/${task.userTaskKey}/form`)).schema;
  const formTexts = form.components.flatMap((c: any) => [c.label, c.text, c.description].filter(Boolean));
  expect(formTexts).toContain('Survey findings');
  expect(formTexts.filter((text: string) => chinese.test(text))).toEqual([]);
  const chineseForm = (await surveyor.get(`/tasks/${task.userTaskKey}/form`)).body.schema;
  expect(form.components.map((c: any) => c.key)).toEqual(chineseForm.components.map((c: any) => c.key));

  const history = await inEnglish(`/cases/${applicationNo}/task-history`);
  expect(history.items.map((item: any) => item.name)).toEqual(['Site survey']);
  const diagram = await inEnglish(`/cases/${applicationNo}/diagram`);
  expect(diagram.xml).toContain('name="High voltage"');
  expect(diagram.xml.match(/ name="[^"]*[\u3400-\u9fff][^"]*"/g) ?? []).toEqual([]);
  expect(diagram.instances.map((i: any) => i.processDefinitionName)).toContain('New connection');
  const caseView = await inEnglish(`/cases/${applicationNo}`, await platform.as('zhoumin'));
  expect(caseView.processes[0].processDefinitionName).toBe('New connection');
  const stepNames = caseView.processes.flatMap((p: any) => p.steps.map((s: any) => s.name));
  expect(stepNames).toContain('Site survey');
  expect(stepNames.filter((name: string) => chinese.test(name))).toEqual([]);

  // Asked in Chinese, or not asked, the names are the models' own.
  expect((await surveyor.get(`/tasks/${task.userTaskKey}`)).body.name).toBe('现场勘查');
  const asChinese = await surveyor.fetch(`/tasks/${task.userTaskKey}`, {
    headers: { 'accept-language': 'zh-CN,en;q=0.5' },
  });
  expect(((await asChinese.json()) as any).name).toBe('现场勘查');
}, 120_000);

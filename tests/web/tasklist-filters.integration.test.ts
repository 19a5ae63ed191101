/**
 * GET /api/tasks with the engine doing the work (decision 0031): more than 1,000 open tasks paged without a gap or
 * a repeat, the filters on process, business type, step, priority, time-limit state, case, customer and date
 * ranges, the sorts, several roles in one search, other units' cases left out, and each row's time left counted in
 * working days of the business calendar.
 */
import { join } from 'node:path';
import { User } from '../../db/core/user-models';
import { hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { usePlatform, type ApiClient, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await platform.application.services.camunda.zeebe.deployResources([
    { processFilename: join(__dirname, 'fixtures', 'tasklist-load.bpmn') },
  ]);
});

const BULK = 1050;
const china = (local: string) => `${local}+08:00`;

async function startLoad(variables: Record<string, unknown>): Promise<string> {
  const started = await platform.application.services.camunda.zeebe.createProcessInstance({
    bpmnProcessId: 'tasklist-load',
    variables: { groups: ['surveyor'], priority: 50, orderType: 'query', address: '上海市浦东新区', ...variables },
  });
  return started.processInstanceKey;
}

async function startBulk(): Promise<void> {
  for (let start = 0; start < BULK; start += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, BULK - start) }, (_, i) => {
        const n = String(start + i).padStart(4, '0');
        return startLoad({
          businessKey: `LOAD-${n}`,
          customerName: `负载客户${n}`,
          dueDate: china('2026-12-31T00:00:00'),
        });
      }),
    );
  }
}

const keysOf = (page: any): string[] => page.items.map((task: any) => task.userTaskKey);
const caseNos = (page: any): string[] => page.items.map((task: any) => task.case.businessKey);

test('more than 1,000 tasks are filtered, sorted and paged by the engine, with working time left', async () => {
  // Monday Dec 14: three special tasks; Wednesday Dec 16 noon: the rest, and the clock stays there.
  await platform.pinClock(china('2026-12-14T10:00:00'));
  await startLoad({
    businessKey: 'SPEC-A',
    customerName: '特别客户甲',
    step: 'visit',
    priority: 80,
    dueDate: china('2026-12-19T00:00:00'), // end of Friday Dec 18
  });
  await startLoad({
    businessKey: 'SPEC-B',
    customerName: '特别客户乙',
    priority: 30,
    dueDate: china('2026-12-15T12:00:00'),
  });
  await startLoad({
    businessKey: 'SPEC-C',
    customerName: '特别客户丙',
    groups: ['approver'],
    dueDate: china('2026-12-22T00:00:00'),
  });
  await platform.pinClock(china('2026-12-16T12:00:00'));
  const expansion = await submit(platform, hvApplication('筛选测试有限公司'));
  await startBulk();

  const surveyor = await platform.as('wangqiang');
  const all = await waitFor(
    async () => {
      const answer = (await surveyor.get('/tasks?scope=group&size=1')).body;
      return answer.total === BULK + 3 && answer;
    },
    { timeout: 120_000, interval: 500, description: 'every task in the search' },
  );
  expect(all.total).toBe(BULK + 3); // the bulk, SPEC-A, SPEC-B and the 业扩 case's survey

  // Paging beyond 1,000: every task once, in creation order then key.
  const seen: string[] = [];
  for (let page = 1; page <= Math.ceil(all.total / 200); page++) {
    const answer = (await surveyor.get(`/tasks?scope=group&size=200&page=${page}`)).body;
    expect(answer.total).toBe(all.total);
    seen.push(...keysOf(answer));
  }
  expect(seen).toHaveLength(all.total);
  expect(new Set(seen).size).toBe(all.total);
  const last = (await surveyor.get(`/tasks?scope=group&size=100&page=11`)).body;
  expect(keysOf(last)).toEqual(seen.slice(1000, 1053));

  // Working time left: Wed noon to the end of Friday is 2.5 working days; half of Tuesday and of Wednesday owed.
  const a = (await surveyor.get('/tasks?scope=group&caseNo=SPEC-A')).body;
  expect(a.total).toBe(1);
  expect(a.items[0].timeLimit).toMatchObject({ state: 'ok', left: { amount: 2.5, unit: 'WD' } });
  expect(a.items[0].case).toMatchObject({ businessKey: 'SPEC-A', customerName: '特别客户甲', businessType: 'query' });
  const b = (await surveyor.get('/tasks?scope=group&caseNo=SPEC-B')).body;
  expect(b.items[0].timeLimit).toMatchObject({ state: 'overdue', left: { amount: -1, unit: 'WD' } });

  // Filters on the task's own fields.
  const total = async (client: ApiClient, query: string) => {
    const answer = await client.get(`/tasks?scope=group&${query}`);
    expect(answer.status).toBe(200);
    return answer.body;
  };
  expect(caseNos(await total(surveyor, 'step=visit'))).toEqual(['SPEC-A']);
  expect(caseNos(await total(surveyor, 'priority=high'))).toEqual(['SPEC-A']);
  expect(caseNos(await total(surveyor, 'priority=low'))).toEqual(['SPEC-B']);
  expect(caseNos(await total(surveyor, 'dueState=overdue'))).toEqual(['SPEC-B']);
  expect((await total(surveyor, 'processId=tasklist-load&size=1')).total).toBe(BULK + 2);
  expect(caseNos(await total(surveyor, 'area=business-expansion'))).toEqual([expansion.applicationNo]);
  expect((await total(surveyor, 'area=business-expansion&businessType=new')).total).toBe(1);
  expect((await total(surveyor, 'area=business-expansion&businessType=increase')).total).toBe(0);
  expect((await total(surveyor, 'area=change-of-use')).total).toBe(0);
  expect(caseNos(await total(surveyor, 'createdTo=2026-12-14&sort=priority'))).toEqual(['SPEC-B', 'SPEC-A']);
  expect((await total(surveyor, 'createdFrom=2026-12-16&size=1')).total).toBe(BULK + 1);
  expect(caseNos(await total(surveyor, 'processId=tasklist-load&dueFrom=2026-12-19&dueTo=2026-12-19'))).toEqual([
    'SPEC-A',
  ]);
  expect((await total(surveyor, 'processId=tasklist-load&dueFrom=2026-12-20&size=1')).total).toBe(BULK);
  // Customer by name or phone: the case's customer record.
  expect(caseNos(await total(surveyor, `customer=${encodeURIComponent('筛选测试')}`))).toEqual([
    expansion.applicationNo,
  ]);
  expect((await total(surveyor, `customer=${encodeURIComponent('无此客户')}`)).total).toBe(0);

  // Sorts run in the engine over all the tasks, not a first thousand.
  expect(caseNos(await total(surveyor, 'sort=priority&order=desc&size=1'))).toEqual(['SPEC-A']);
  expect(caseNos(await total(surveyor, 'sort=dueDate&size=1'))).toEqual(['SPEC-B']);
  expect(caseNos(await total(surveyor, 'sort=creationDate&order=desc&size=1'))[0]).toMatch(/^LOAD-/);

  // Bad filters are a 400 naming them.
  const bad = await surveyor.get('/tasks?scope=group&priority=urgent&createdFrom=2026-13-01&businessType=new');
  expect(bad.status).toBe(400);
  expect(bad.body.details.map((d: any) => d.field).sort()).toEqual(['createdFrom', 'priority']);
  const typeAlone = await surveyor.get('/tasks?scope=group&businessType=new');
  expect(typeAlone.status).toBe(400);
  expect(typeAlone.body.details.map((d: any) => d.field)).toEqual(['businessType']);

  // Two roles in one search: SPEC-C is the approvers'.
  await User.update({ roles: ['surveyor', 'approver'] }, { where: { login: 'liuyang' } });
  const both = await platform.as('liuyang');
  expect((await total(both, 'size=1')).total).toBe(BULK + 4);
  expect(caseNos(await total(both, 'priority=normal&dueFrom=2026-12-22&dueTo=2026-12-22'))).toEqual(['SPEC-C']);

  // Another unit's surveyor sees the tasks of no known case, not the Pudong case's survey.
  const minhang = await platform.as('xugang');
  expect((await total(minhang, 'size=1')).total).toBe(BULK + 2);
  expect((await total(minhang, 'area=business-expansion')).total).toBe(0);

  // The working time is counted at the application's clock: a weekend does not count.
  await platform.pinClock(china('2026-12-18T12:00:00')); // Friday noon
  const c = (await both.get('/tasks?scope=group&caseNo=SPEC-C')).body;
  // Friday afternoon and Monday (the weekend rests): 1.5 working days to the end of Monday Dec 21.
  expect(c.items[0].timeLimit).toMatchObject({ state: 'ok', left: { amount: 1.5, unit: 'WD' } });

  // Warning: past the survey's warn date (its limit variable), before its due date; the rest due later are on time.
  const survey = (await total(surveyor, 'area=business-expansion')).items[0];
  expect(survey.timeLimit.warnDate).toEqual(expect.any(String));
  await platform.pinClock(new Date(Date.parse(survey.timeLimit.warnDate) + 60_000));
  const warned = await total(surveyor, 'dueState=warning');
  expect(caseNos(warned)).toEqual([expansion.applicationNo]);
  expect(warned.items[0].timeLimit.state).toBe('warning');
  expect((await total(surveyor, 'dueState=ok&area=business-expansion')).total).toBe(0);
  expect((await total(surveyor, 'dueState=ok&processId=tasklist-load&size=1')).total).toBeGreaterThanOrEqual(BULK);
}, 300_000);

/**
 * The tasklist API (a user acts only on tasks of their roles; claim, complete) and the managers' case view (steps
 * with their Chinese names, open tasks, cancel), against a real process on the real engine.
 */
import { join } from 'node:path';
import { waitFor } from '../support/wait-for';
import { usePlatform, type Platform } from './platform-kit';

let platform: Platform;

usePlatform(async (started) => {
  platform = started;
  await platform.application.services.camunda.zeebe.deployResources([
    { processFilename: join(__dirname, 'fixtures', 'platform-check.bpmn') },
    { formFilename: join(__dirname, 'fixtures', 'platform-check-approve.form') },
  ]);
});

async function startCase(businessKey: string): Promise<string> {
  const created = await platform.application.services.camunda.zeebe.createProcessInstance({
    bpmnProcessId: 'platform-check',
    variables: { businessKey },
  });
  return created.processInstanceKey;
}

test('a user sees, claims and completes only the tasks of their roles', async () => {
  const instanceKey = await startCase('CHK-1');
  const task = await platform.openTask(instanceKey, 'survey');
  const clerk = await platform.as('zhangli');
  const refused = await clerk.post(`/tasks/${task.userTaskKey}/claim`);
  expect(refused.status).toBe(403);
  expect(refused.body.code).toBe('NOT_YOUR_TASK');
  const surveyor = await platform.as('wangqiang');
  const groupTasks = await surveyor.get(`/tasks?scope=group&processInstanceKey=${instanceKey}`);
  expect(groupTasks.body.items.map((t: any) => t.elementId)).toEqual(['survey']);
  expect((await surveyor.post(`/tasks/${task.userTaskKey}/claim`)).status).toBe(200);
  const mine = await waitFor(async () => {
    const answer = await surveyor.get(`/tasks?scope=mine&processInstanceKey=${instanceKey}`);
    return answer.body.items.length === 1 ? answer.body.items : undefined;
  });
  expect(mine[0].assignee).toBe('wangqiang');
  // The fixture's survey has no form: it takes no variables (decision 0027), and completes without any.
  const withVariables = await surveyor.post(`/tasks/${task.userTaskKey}/complete`, {
    variables: { documentsComplete: true },
  });
  expect([withVariables.status, withVariables.body.details?.map((v: any) => v.field)]).toEqual([
    400,
    ['documentsComplete'],
  ]);
  const done = await surveyor.post(`/tasks/${task.userTaskKey}/complete`, { variables: {} });
  expect(done.status).toBe(200);
  const next = await platform.openTask(instanceKey, 'approve');
  expect(next.candidateGroups).toEqual(['approver']);
  const badVariables = await (
    await platform.as('chenjing')
  ).post(`/tasks/${next.userTaskKey}/complete`, { variables: 'yes' });
  expect(badVariables.status).toBe(400);
});

test('a manager finds a case by its number, with named steps, and can cancel it', async () => {
  const instanceKey = await startCase('CHK-2');
  await platform.openTask(instanceKey, 'survey');
  const manager = await platform.as('zhoumin');
  const view = await waitFor(async () => {
    const answer = await manager.get('/cases/CHK-2');
    return answer.status === 200 && answer.body.openTasks.length === 1 ? answer.body : undefined;
  });
  expect(view.processes).toHaveLength(1);
  expect(view.processes[0].steps.map((s: any) => [s.name, s.state])).toEqual([['现场勘查', 'ACTIVE']]);
  expect(view.openTasks[0].elementId).toBe('survey');
  expect((await manager.get('/cases/NO-SUCH-CASE')).status).toBe(404);
  expect((await (await platform.as('wangqiang')).post('/cases/CHK-2/cancel', { reason: '客户撤回' })).status).toBe(403);
  const cancelled = await manager.post('/cases/CHK-2/cancel', { reason: '客户撤回' });
  expect(cancelled.body.cancelled).toEqual([instanceKey]);
});

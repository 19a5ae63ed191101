/**
 * The actions on a task beyond claim and complete (decision 0033), through the API with the engine's state checked
 * through the SDK: a supervisor assigns (and reassigns) to the people the API lists; a scheme designer returns a
 * residential case's scheme step to the survey with a reason the survey form gets, its time limit started afresh;
 * the surveyor withdraws the redone survey while the scheme is unclaimed, and may not once it is claimed.
 */
import { searchElementInstances } from '../../lib/camunda/engine-api';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  SURVEY_OK,
  caseOf,
  completeCaseTask,
  expectOpenTasks,
  residentialApplication,
  submit,
} from '../business-expansion/business-expansion-kit';

let platform: Platform;

usePlatform((started) => {
  platform = started;
});

const camunda = () => platform.application.services.camunda;

async function engineTask(userTaskKey: string) {
  return camunda().rest.getUserTask(userTaskKey);
}

async function elementStates(processInstanceKey: string, elementId: string): Promise<string[]> {
  const found = await searchElementInstances(camunda(), {
    filter: { processInstanceKey, elementId },
    page: { limit: 20 },
  });
  return found.map((element) => element.state).sort();
}

test('a supervisor assigns a task to a person the API lists; others may not; reassigning is theirs too', async () => {
  await platform.pinClock('2026-09-29T02:00:00Z');
  const { applicationNo: no } = await submit(platform, residentialApplication());
  const [survey] = await expectOpenTasks(platform, no, ['survey']);
  const key = survey.userTaskKey;
  const admin = await platform.as('admin');
  const created = await admin.post('/users', {
    login: 'liming',
    name: '李明',
    password: 'Survey-2026-pass',
    roles: ['surveyor'],
    groups: ['SH-PD'],
  });
  expect(created.status).toBe(201);

  const surveyor = await platform.as('wangqiang');
  const notSupervisor = await surveyor.post(`/tasks/${key}/assign`, { assignee: 'wangqiang' });
  expect(notSupervisor.status).toBe(403);
  expect(notSupervisor.body.code).toBe('NOT_SUPERVISOR');
  expect(notSupervisor.body.message).toMatch(/主管.* \/ .*supervisor/);
  expect((await surveyor.get(`/tasks/${key}/assignees`)).status).toBe(403);
  expect((await surveyor.get(`/tasks/${key}`)).body.actions).toMatchObject({ assign: false, claim: true });

  const manager = await platform.as('zhoumin');
  const seen = await manager.get(`/tasks/${key}`);
  expect(seen.status).toBe(200);
  expect(seen.body.actions).toMatchObject({ assign: true, claim: false, complete: false });
  const assignees = await manager.get(`/tasks/${key}/assignees`);
  // Pudong's active surveyors; not Minhang's (xugang), not a clerk.
  expect(assignees.body.items.map((person: { login: string }) => person.login).sort()).toEqual(['liming', 'wangqiang']);

  for (const wrong of ['xugang', 'zhangli', 'nobody']) {
    const refused = await manager.post(`/tasks/${key}/assign`, { assignee: wrong });
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('NOT_AN_ASSIGNEE');
  }
  expect((await manager.post(`/tasks/${key}/assign`, {})).status).toBe(400);

  expect((await manager.post(`/tasks/${key}/assign`, { assignee: 'wangqiang' })).status).toBe(200);
  expect((await engineTask(key)).assignee).toBe('wangqiang');
  // Reassigning a claimed task: a supervisor may.
  expect((await manager.post(`/tasks/${key}/assign`, { assignee: 'liming' })).status).toBe(200);
  expect((await engineTask(key)).assignee).toBe('liming');

  // A deactivated user is no longer offered nor accepted.
  expect((await admin.post(`/users/${created.body.id}/deactivate`, {})).status).toBe(200);
  expect((await manager.get(`/tasks/${key}/assignees`)).body.items.map((p: { login: string }) => p.login)).toEqual([
    'wangqiang',
  ]);
  expect((await manager.post(`/tasks/${key}/assign`, { assignee: 'liming' })).status).toBe(409);

  const audit = await admin.get(`/audit?action=task.assign&target=task:${key}`);
  // Two assignments done; refused: the surveyor, three wrong people, an empty body, the deactivated user.
  const outcomes = audit.body.items.map((entry: { outcome: string }) => entry.outcome);
  expect(outcomes.filter((outcome: string) => outcome === 'ok')).toHaveLength(2);
  expect(outcomes.filter((outcome: string) => outcome === 'refused')).toHaveLength(6);
  expect(audit.body.items).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        actor: 'zhoumin',
        outcome: 'ok',
        detail: { assignee: 'liming', previousAssignee: 'wangqiang' },
      }),
    ]),
  );
});

test('the scheme step returns to the survey with a reason; the surveyor withdraws while the scheme is unclaimed', async () => {
  await platform.pinClock('2026-09-29T02:00:00Z');
  const { applicationNo: no } = await submit(platform, residentialApplication());
  const [firstSurvey] = await expectOpenTasks(platform, no, ['survey']);
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  const [scheme] = await expectOpenTasks(platform, no, ['supply-scheme']);
  const designer = await platform.as('liuyang');

  const offered = await designer.get(`/tasks/${scheme.userTaskKey}`);
  expect(offered.body.actions.returnTo).toEqual([{ elementId: 'lvr-survey', name: '现场勘查' }]);
  expect(offered.body.actions.withdraw).toBe(false);
  // The surveyor, not working the scheme, is offered no return and may not return it.
  expect(
    (
      await (
        await platform.as('wangqiang')
      ).post(`/tasks/${scheme.userTaskKey}/return`, { to: 'lvr-survey', reason: '不归我' })
    ).status,
  ).toBe(403);
  expect((await designer.post(`/tasks/${scheme.userTaskKey}/return`, { to: 'lvr-survey' })).status).toBe(400);
  const undeclared = await designer.post(`/tasks/${scheme.userTaskKey}/return`, {
    to: 'scheme-defaults',
    reason: '重新计算',
  });
  expect(undeclared.status).toBe(409);
  expect(undeclared.body.code).toBe('RETURN_NOT_ALLOWED');

  // Two working days later (Thursday 1 October is a holiday: Wednesday 30 September).
  await platform.pinClock('2026-09-30T03:00:00Z');
  const reason = '勘查未注明进户线路径，请补充现场情况';
  const returned = await designer.post(`/tasks/${scheme.userTaskKey}/return`, { to: 'lvr-survey', reason });
  expect(returned.status).toBe(200);

  const [secondSurvey] = await expectOpenTasks(platform, no, ['survey']);
  expect(secondSurvey.userTaskKey).not.toBe(firstSurvey.userTaskKey);
  // The engine's state, through the SDK: the scheme's element instance terminated, the survey called again.
  const { processInstanceKey: pathKey } = await engineTask(scheme.userTaskKey);
  await waitFor(async () => (await elementStates(String(pathKey), 'supply-scheme')).includes('TERMINATED'));
  expect(await elementStates(String(pathKey), 'lvr-survey')).toEqual(['ACTIVE', 'COMPLETED']);
  expect((await engineTask(scheme.userTaskKey)).state).not.toBe('CREATED');
  // The survey's time limit started afresh from the return.
  expect(Date.parse(secondSurvey.dueDate)).toBeGreaterThan(Date.parse(firstSurvey.dueDate));

  const surveyor = await platform.as('wangqiang');
  const surveyPage = await surveyor.get(`/tasks/${secondSurvey.userTaskKey}`);
  expect(surveyPage.body.variables).toMatchObject({
    returnedReason: reason,
    returnedBy: 'liuyang',
    returnedFrom: '答复供电方案',
  });
  const form = await surveyor.get(`/tasks/${secondSurvey.userTaskKey}/form`);
  expect(JSON.stringify(form.body.schema)).toContain('"returnedReason"');

  const history = await surveyor.get(`/cases/${no}/task-history`);
  const schemeRow = history.body.items.find((row: { userTaskKey: string }) => row.userTaskKey === scheme.userTaskKey);
  expect(schemeRow.actions).toEqual([
    expect.objectContaining({
      action: 'return',
      actor: 'liuyang',
      detail: expect.objectContaining({ to: 'lvr-survey', reason }),
    }),
  ]);
  const admin = await platform.as('admin');
  expect(
    (await admin.get(`/audit?action=task.return&outcome=ok&target=task:${scheme.userTaskKey}`)).body.items,
  ).toEqual([
    expect.objectContaining({ actor: 'liuyang', outcome: 'ok', detail: expect.objectContaining({ reason }) }),
  ]);

  // The surveyor completes the survey again, then withdraws it while the scheme is nobody's.
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  const [secondScheme] = await expectOpenTasks(platform, no, ['supply-scheme']);
  expect((await surveyor.get(`/tasks/${secondSurvey.userTaskKey}`)).body.actions.withdraw).toBe(true);
  // The completed task's page has its form (the engine serves a completed task's form through the SDK).
  const doneForm = await surveyor.get(`/tasks/${secondSurvey.userTaskKey}/form`);
  expect(doneForm.status).toBe(200);
  expect(JSON.stringify(doneForm.body.schema)).toContain('"surveyFindings"');
  expect((await designer.post(`/tasks/${secondSurvey.userTaskKey}/withdraw`, { reason: '替他撤回' })).status).toBe(403);
  const withdrawn = await surveyor.post(`/tasks/${secondSurvey.userTaskKey}/withdraw`, { reason: '漏填建议电源点' });
  expect(withdrawn.status).toBe(200);
  expect(withdrawn.body.reopenedTaskKey).toEqual(expect.any(String));
  const [thirdSurvey] = await expectOpenTasks(platform, no, ['survey']);
  expect(thirdSurvey.userTaskKey).toBe(withdrawn.body.reopenedTaskKey);
  expect((await engineTask(thirdSurvey.userTaskKey)).assignee).toBe('wangqiang');
  await waitFor(async () => (await engineTask(secondScheme.userTaskKey)).state !== 'CREATED');
  expect(
    (await admin.get(`/audit?action=task.withdraw&outcome=ok&target=task:${secondSurvey.userTaskKey}`)).body.items,
  ).toEqual([
    expect.objectContaining({
      actor: 'wangqiang',
      outcome: 'ok',
      detail: expect.objectContaining({ reason: '漏填建议电源点' }),
    }),
  ]);

  // Once the following step is claimed, withdrawing is refused with what to do instead.
  await completeCaseTask(platform, no, 'survey', 'wangqiang', SURVEY_OK);
  const [thirdScheme] = await expectOpenTasks(platform, no, ['supply-scheme']);
  expect((await designer.post(`/tasks/${thirdScheme.userTaskKey}/claim`)).status).toBe(200);
  expect((await surveyor.get(`/tasks/${thirdSurvey.userTaskKey}`)).body.actions.withdraw).toBe(false);
  const late = await surveyor.post(`/tasks/${thirdSurvey.userTaskKey}/withdraw`, { reason: '还想改' });
  expect(late.status).toBe(409);
  expect(late.body.code).toBe('NEXT_STEP_CLAIMED');
  expect(late.body.message).toContain('liuyang');
  expect((await caseOf(platform, no)).currentTasks.map((task: { elementId: string }) => task.elementId)).toEqual([
    'supply-scheme',
  ]);
});

/**
 * What an analyst's deployment changes, in Debian's Chromium: a form field's label changed in the form-js editor and
 * a survey rule changed in the BPMN editor, deployed; a case started before keeps the old process version (its path
 * and its form) while one started after runs the new one. A fee in the decision table changed in dmn-js, tried in
 * the editor's test, deployed, and computed for a new case. Two analysts on one draft: the second is told who has it
 * open, and the save of the one whose revision went stale is refused without overwriting anything.
 */
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import {
  caseOf,
  completeCaseTask,
  dualSourceCase,
  expectOpenTasks,
  residentialApplication,
  submit,
  throughApproval,
  waitForState,
} from '../business-expansion/business-expansion-kit';
import { newPage, screenshot, signIn, useBrowser } from './browser-kit';
import { deployed, draftOf, element, modelPath, openModel, setCondition, waitSaved } from './modeler-kit';

let platform: Platform;
let browser: Browser;
usePlatform((started) => {
  platform = started;
});
useBrowser((launched) => (browser = launched));

const SURVEY_FORM = 'business-expansion/forms/be-survey.form';
const SURVEY_PROCESS = 'business-expansion/business-expansion-survey.bpmn';
const FEE_TABLE = 'business-expansion/high-reliability-fee.dmn';

/** A browser page signed in as `login`, handed to `work`; a failure leaves a screenshot named `name`. */
async function asUser(login: string, name: string, work: (page: Page) => Promise<void>): Promise<void> {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, login);
    await work(page);
  } catch (failure) {
    await screenshot(page, `failed-${name}`);
    throw failure;
  } finally {
    await context.close();
  }
}

/** Selects the field `fieldId` in the form-js editor and types `label` as its label in the properties panel. */
async function setFieldLabel(page: Page, fieldId: string, label: string): Promise<void> {
  const editor = page.getByTestId('form-editor');
  await editor.locator(`.fjs-editor-container [data-id="${fieldId}"]`).click();
  // The label is a (templating) code editor in the General group, which starts folded.
  const input = editor.locator('#bio-properties-panel-label');
  const general = editor.locator('[data-group-id="group-general"] .bio-properties-panel-group-header');
  await general.waitFor();
  if (!(await input.isVisible())) await general.click();
  await input.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(label);
}

/** The process definition version the engine runs the process instance `key` on (monitor API). */
async function versionOf(processInstanceKey: string): Promise<number> {
  const answer = await (await platform.as('admin')).get(`/monitor/instances/${processInstanceKey}`);
  if (answer.status !== 200) throw new Error(`instance ${processInstanceKey}: ${JSON.stringify(answer.body)}`);
  return answer.body.processDefinitionVersion;
}

const latestVersion = async (resource: string): Promise<number> =>
  (await (await platform.as('huangyan')).get(modelPath(resource, '/versions'))).body.items[0].version;

/** The decision test's result once it is the one titled `title` (the draft's or the deployed version's). */
async function testResult(page: Page, title: string): Promise<string> {
  const result = page.locator('[data-testid=decision-test] [data-testid=decision-result]', { hasText: title });
  await result.waitFor();
  return result.innerText();
}

/** The text of the task's form as its user sees it on the task page. */
async function taskFormText(page: Page, userTaskKey: string): Promise<string> {
  await page.goto(`/tasks/${userTaskKey}`);
  const form = page.getByTestId('task-form');
  await form.locator('.fjs-form-field').first().waitFor();
  return form.innerText();
}

// A survey noting something missing now returns the case for documents even when the box says complete.
const NOTES_MISSING = 'contains(surveyFindings, "缺")';
const SURVEY_NOTING_MISSING = { documentsComplete: true, surveyFindings: '现场具备接电条件，缺产权证明复印件' };

test('a changed form field and survey rule: a case started before keeps the old version, a new one runs the new', async () => {
  const older = await submit(platform, residentialApplication());
  const [olderSurvey] = await expectOpenTasks(platform, older.applicationNo, ['survey']);
  const surveyVersionBefore = await latestVersion(SURVEY_PROCESS);

  await asUser('huangyan', 'modeler-versions-deploy', async (page) => {
    await openModel(page, SURVEY_FORM);
    await setFieldLabel(page, 'be-survey-surveyFindings-6', '勘查意见及缺少事项');
    await waitSaved(platform, page, SURVEY_FORM, (content) => content.includes('勘查意见及缺少事项'));
    await deployed(page, '勘查意见写明缺少事项');

    await openModel(page, SURVEY_PROCESS);
    await element(page, 'documents-complete').waitFor();
    await setCondition(page, 'flow-9', `documentsComplete = true and not(${NOTES_MISSING})`);
    await setCondition(page, 'flow-10', `documentsComplete != true or ${NOTES_MISSING}`);
    await waitSaved(platform, page, SURVEY_PROCESS, (content) => content.includes('documentsComplete != true or'));
    expect(await deployed(page, '勘查意见写明缺少事项的退回补正')).toBe(surveyVersionBefore + 1);
  });

  const newer = await submit(platform, residentialApplication());
  const [newerSurvey] = await expectOpenTasks(platform, newer.applicationNo, ['survey']);
  expect(await versionOf(olderSurvey.processInstanceKey)).toBe(surveyVersionBefore);
  expect(await versionOf(newerSurvey.processInstanceKey)).toBe(surveyVersionBefore + 1);

  // The form a task shows was fixed when the task was created: the new label only on the new case's task.
  await asUser('wangqiang', 'modeler-versions-task-form', async (page) => {
    expect(await taskFormText(page, newerSurvey.userTaskKey)).toContain('勘查意见及缺少事项');
    const olderForm = await taskFormText(page, olderSurvey.userTaskKey);
    expect(olderForm).toContain('勘查意见');
    expect(olderForm).not.toContain('勘查意见及缺少事项');
  });

  // The same survey answer: the older case goes on to the scheme, the newer one is returned for documents.
  await completeCaseTask(platform, older.applicationNo, 'survey', 'wangqiang', SURVEY_NOTING_MISSING);
  await completeCaseTask(platform, newer.applicationNo, 'survey', 'wangqiang', SURVEY_NOTING_MISSING);
  await expectOpenTasks(platform, older.applicationNo, ['supply-scheme']);
  await waitForState(platform, newer.applicationNo, 'waiting-documents');
  expect((await caseOf(platform, older.applicationNo)).application.state).not.toBe('waiting-documents');
}, 240_000);

test('a fee changed in the decision table, tested in the editor and deployed, is what a new case pays', async () => {
  const inputs = {
    dualSource: true,
    circuitsInterconnected: true,
    supplyVoltage: '20kV',
    lineType: 'overhead',
    externalWorksBuiltBy: 'supplier',
  };
  await asUser('huangyan', 'modeler-versions-fee', async (page) => {
    await openModel(page, FEE_TABLE);
    // The table editor speaks the analyst's language too.
    await expect(page.locator('[data-testid=dmn-canvas] .hit-policy').innerText()).resolves.toMatch(
      /命中策略：\s*首个/,
    );
    const cell = page.locator(
      '[data-testid=dmn-canvas] td[data-row-id="high-reliability-fee-rule-2"][data-col-id="high-reliability-fee-out-0"]',
    );
    await cell.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('200');
    await waitSaved(platform, page, FEE_TABLE, (content) =>
      content.includes('<outputEntry id="high-reliability-fee-rule-2-out-0">\n          <text>200</text>'),
    );

    const test = page.getByTestId('decision-test');
    await test.locator('#decision-inputs').fill(JSON.stringify(inputs));
    await test.getByTestId('test-draft').click();
    expect(await testResult(page, '草稿的结果')).toMatch(/^200\n命中规则: high-reliability-fee-rule-2$/m);
    // The engine still runs the deployed table until the analyst deploys (its answer shown as the draft's is).
    await test.getByTestId('test-deployed').click();
    expect(await testResult(page, '已部署版本的结果')).toMatch(/^190$/m);
    await screenshot(page, 'modeler-decision-test');

    await deployed(page, '20 千伏架空高可靠性供电费调整为 200 元/千伏安');
    // A new evaluation replaces the one shown: wait for the engine's answer to be the new rate.
    await test.getByTestId('test-deployed').click();
    await waitFor(async () => /^200$/m.test(await testResult(page, '已部署版本的结果')), {
      description: 'the deployed table answering 200',
    });
  });

  const { no } = await dualSourceCase(platform, '临港调价测试有限公司', 1000);
  await throughApproval(platform, no, { lineType: 'overhead', externalWorksBuiltBy: 'supplier' });
  const waiting = await waitForState(platform, no, 'waiting-payment');
  expect(waiting.fees).toEqual([expect.objectContaining({ kind: 'high-reliability', amountFen: 1000 * 200 * 100 })]);
  expect(waiting.fees[0].basis).toMatchObject({ ratePerKva: 200 });
}, 240_000);

test('two analysts on one draft: the second is told who has it open, and a stale save overwrites nothing', async () => {
  const resource = 'business-expansion/forms/be-energization.form';
  const first = await newPage(browser, platform.url);
  const second = await newPage(browser, platform.url);
  try {
    await signIn(first.page, 'huangyan');
    await openModel(first.page, resource);
    await expect(first.page.getByTestId('other-editor').count()).resolves.toBe(0);
    await signIn(second.page, 'tangyue');
    await openModel(second.page, resource);
    await expect(second.page.getByTestId('other-editor').innerText()).resolves.toContain('huangyan');
    // Opening it again (a reload) still names huangyan: tangyue's own openings do not hide her.
    await second.page.reload();
    await second.page.locator('[data-testid=draft-revision]').waitFor();
    await expect(second.page.getByTestId('other-editor').innerText()).resolves.toContain('huangyan');

    await setFieldLabel(first.page, 'be-energization-energizationNotes-4', '送电情况记录');
    const saved = await waitSaved(platform, first.page, resource, (content) => content.includes('送电情况记录'));
    expect(saved.savedBy).toBe('huangyan');

    // tangyue's editor still holds the revision both opened: her save is refused and names who saved in between.
    await setFieldLabel(second.page, 'be-energization-businessKey-2', '业扩申请编号');
    await expect(second.page.getByTestId('stale-draft').innerText()).resolves.toContain('huangyan');
    await expect(second.page.getByTestId('other-editor').innerText()).resolves.toContain('huangyan');
    await second.page.locator('[data-testid=save-state][data-state=stale]').waitFor();
    const kept = await draftOf(platform, resource);
    expect(kept).toMatchObject({ revision: saved.revision, savedBy: 'huangyan' });
    expect(kept.content).toContain('送电情况记录');
    expect(kept.content).not.toContain('业扩申请编号');
    await screenshot(second.page, 'modeler-stale-draft');

    // Taking huangyan's version reopens the editor on it; tangyue's change can then be made again and saved.
    await second.page.getByTestId('stale-draft').getByRole('button').click();
    await second.page.locator(`[data-testid=draft-revision][data-revision="${saved.revision}"]`).waitFor();
    await setFieldLabel(second.page, 'be-energization-businessKey-2', '业扩申请编号');
    const both = await waitSaved(platform, second.page, resource, (content) => content.includes('业扩申请编号'));
    expect(both).toMatchObject({ revision: saved.revision + 1, savedBy: 'tangyue' });
    expect(both.content).toContain('送电情况记录');
  } catch (failure) {
    await screenshot(first.page, 'failed-modeler-two-analysts-first');
    await screenshot(second.page, 'failed-modeler-two-analysts-second');
    throw failure;
  } finally {
    await first.context.close();
    await second.context.close();
  }
}, 120_000);

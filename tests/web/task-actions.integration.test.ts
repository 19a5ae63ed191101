/**
 * The actions on a task beyond claim and complete, by the UI alone in Debian's Chromium (decision 0033): the
 * supervisor assigns the survey to a surveyor (others see no such button); the scheme designer returns the scheme
 * step to the survey with a reason, which the survey form shows; the surveyor, having done the survey again,
 * withdraws it from its page while the scheme is unclaimed and gets it back; the history shows both.
 */
import type { Browser } from 'playwright-core';
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
import { chooseInModal, useBrowser, newPage, screenshot, seriousAccessibilityViolations, signIn } from './browser-kit';

let platform: Platform;
let browser: Browser;
usePlatform((started) => {
  platform = started;
});
useBrowser((launched) => {
  browser = launched;
});

test('a supervisor assigns; the scheme is returned to the survey with its reason; the surveyor withdraws', async () => {
  const { applicationNo } = await submit(platform, residentialApplication({ address: '上海市浦东新区芳甸路 88 号' }));
  // The first case after the platform starts may take a while on a busy machine: its survey is waited for longer.
  await waitFor(
    async () =>
      (await caseOf(platform, applicationNo)).currentTasks.some((t: { elementId: string }) => t.elementId === 'survey'),
    { timeout: 60_000, interval: 250, description: 'the first survey' },
  );
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const manager = await newPage(browser, platform.url);
  const designer = await newPage(browser, platform.url);
  const surveyor = await newPage(browser, platform.url);
  try {
    // The supervisor assigns the survey to wangqiang from the task's page.
    await signIn(manager.page, 'zhoumin', `/tasks/${survey.userTaskKey}`);
    await manager.page.getByTestId('assign-task').click();
    await chooseInModal(manager.page, '办理人', 'wangqiang');
    expect(await seriousAccessibilityViolations(manager.page, '.ant-modal')).toEqual([]);
    await screenshot(manager.page, 'task-assign');
    await manager.page.getByTestId('action-ok').click();
    await manager.page.getByText('已指派给 wangqiang').waitFor();
    expect(await manager.page.getByTestId('complete-task').count()).toBe(0);

    // The surveyor sees the task as his, and no assign button.
    await signIn(surveyor.page, 'wangqiang', `/tasks/${survey.userTaskKey}`);
    await surveyor.page.getByTestId('complete-task').waitFor();
    expect(await surveyor.page.getByTestId('assign-task').count()).toBe(0);
    await completeCaseTask(platform, applicationNo, 'survey', 'wangqiang', SURVEY_OK);

    // The designer returns the scheme step to the survey, with a reason.
    const [scheme] = await expectOpenTasks(platform, applicationNo, ['supply-scheme']);
    await signIn(designer.page, 'liuyang', `/tasks/${scheme.userTaskKey}`);
    await designer.page.getByTestId('return-task').click();
    const reason = '勘查意见未写明进户线路径，请补充';
    await designer.page.getByRole('dialog').getByLabel('原因').fill(reason);
    expect(await seriousAccessibilityViolations(designer.page, '.ant-modal')).toEqual([]);
    await screenshot(designer.page, 'task-return');
    await designer.page.getByTestId('action-ok').click();
    await designer.page.waitForURL(/\/tasks$/);

    // The survey opens again; its form shows why.
    const [again] = await expectOpenTasks(platform, applicationNo, ['survey']);
    const page = surveyor.page;
    await page.goto(`/tasks/${again.userTaskKey}`);
    const form = page.getByTestId('task-form');
    await form.getByLabel('退回原因').waitFor();
    expect(await form.getByLabel('退回原因').inputValue()).toBe(reason);
    await screenshot(page, 'task-survey-returned');
    await page.getByRole('button', { name: /认\s*领/ }).click();
    await page.getByText('已认领').first().waitFor();
    await form.getByLabel('勘查意见').fill('进户线沿东侧外墙穿管引入');
    await page.getByTestId('complete-task').click();
    await page.waitForURL(/\/tasks$/);

    // Done by me, the next step not yet claimed: the completed survey's page offers the withdrawal.
    await expectOpenTasks(platform, applicationNo, ['supply-scheme']);
    await page.goto(`/tasks?scope=completed`);
    await page.locator(`a[href="/tasks/${again.userTaskKey}"]`).click();
    await page.getByTestId('withdraw-task').click();
    await page.getByRole('dialog').getByLabel('原因').fill('进户线路径写错了，需更正');
    expect(await seriousAccessibilityViolations(page, '.ant-modal')).toEqual([]);
    await page.getByTestId('action-ok').click();
    await page.waitForURL((url) => /\/tasks\/\d+$/.test(url.pathname) && !url.pathname.endsWith(again.userTaskKey));
    await page.getByTestId('complete-task').waitFor();
    const [reopened] = await expectOpenTasks(platform, applicationNo, ['survey']);
    expect(page.url()).toContain(`/tasks/${reopened.userTaskKey}`);
    expect(reopened.assignee).toBe('wangqiang');

    // The history says who returned and withdrew, and why.
    await page.getByRole('tab', { name: '办理记录' }).click();
    const history = page.getByTestId('case-history');
    await history.getByText(`liuyang 退回到「现场勘查」：${reason}`).waitFor();
    await history.getByText('wangqiang 撤回：进户线路径写错了，需更正').waitFor();
    // The task's own part of the page: its header, form and action buttons, and the history with the new notes.
    expect(await seriousAccessibilityViolations(page, '[data-testid="case-history"]')).toEqual([]);
    expect(await seriousAccessibilityViolations(page, '[data-testid="task-actions"]')).toEqual([]);
    await screenshot(page, 'task-withdrawn-history');
  } catch (failure) {
    await screenshot(manager.page, 'failed-actions-manager');
    await screenshot(designer.page, 'failed-actions-designer');
    await screenshot(surveyor.page, 'failed-actions-surveyor');
    throw failure;
  } finally {
    await manager.context.close();
    await designer.context.close();
    await surveyor.context.close();
  }
}, 240_000);

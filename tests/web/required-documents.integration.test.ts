/**
 * A step's required documents on the task page, in Debian's Chromium: the survey shows its site photo missing and
 * Complete disabled with the reason beside it; the surveyor fills in the form, uploads the photo from the task (the
 * kind it needs offered first), sees it ticked and bound to the step, and completes the task.
 */
import type { Browser } from 'playwright-core';
import { expectOpenTasks, residentialApplication, submit } from '../business-expansion/business-expansion-kit';
import { TEST_PNG, usePlatform, type Platform } from '../platform/platform-kit';
import { useBrowser, newPage, screenshot, seriousAccessibilityViolations, signIn } from './browser-kit';

let platform: Platform;
let browser: Browser;
usePlatform((started) => {
  platform = started;
});
useBrowser((launched) => {
  browser = launched;
});

test('the survey waits for its site photo, which is uploaded from the task, and then completes', async () => {
  const { applicationNo } = await submit(platform, residentialApplication({ address: '上海市浦东新区丁香路 9 号' }));
  const [task] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'wangqiang', `/tasks/${task.userTaskKey}`);
    const required = page.getByTestId('required-documents');
    const photo = required.locator('[data-kind="site-photo"]');
    await photo.waitFor();
    expect(await photo.getAttribute('data-present')).toBe('false');
    expect(await photo.innerText()).toContain('缺少');
    const note = page.getByTestId('required-documents-note');
    expect(await note.innerText()).toContain('须先上传：现场照片，才能办结');
    const complete = page.getByTestId('complete-task');
    expect(await complete.isDisabled()).toBe(true);
    // The disabled button tells a screen reader why, through the note.
    expect(await complete.getAttribute('aria-describedby')).toBe(await note.getAttribute('id'));
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await screenshot(page, 'task-required-document-missing');

    // What is typed stays while the photo is uploaded.
    const form = page.getByTestId('task-form');
    await form.getByLabel('勘查意见').fill('表箱位置已确认，现场具备接电条件');
    const card = page.getByTestId('case-documents');
    // The kind the step still needs is the one the upload offers first.
    await card.locator('.ant-select', { hasText: '现场照片' }).waitFor();
    await card.locator('input[type=file]').setInputFiles({ name: '表箱.png', mimeType: 'image/png', buffer: TEST_PNG });
    await card.getByText('表箱.png').waitFor();
    expect(await card.getByTestId('document-step').innerText()).toContain('环节：现场勘查');
    await required.locator('[data-kind="site-photo"][data-present="true"]').waitFor();
    expect(await note.count()).toBe(0);
    expect(await complete.isEnabled()).toBe(true);
    expect(await form.getByLabel('勘查意见').inputValue()).toBe('表箱位置已确认，现场具备接电条件');
    await screenshot(page, 'task-required-document-uploaded');

    await complete.click();
    await page.waitForURL(/\/tasks$/);
    await expectOpenTasks(platform, applicationNo, ['supply-scheme']);
    const documents = (await (await platform.as('wangqiang')).get(`/cases/${applicationNo}/documents`)).body.items;
    expect(documents.map((document: any) => [document.kind, document.stepId, document.taskKey])).toEqual([
      ['site-photo', 'survey', task.userTaskKey],
    ]);
  } catch (failure) {
    await screenshot(page, 'failed-required-documents');
    throw failure;
  } finally {
    await context.close();
  }
}, 150_000);

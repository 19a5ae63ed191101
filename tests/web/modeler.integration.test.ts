/**
 * The analysts' modeler in Debian's Chromium: a process opened from the list; a file with a job type no worker
 * serves imported and its deployment refused, the problems listed and marked on the canvas, in Chinese and in
 * English; the file fixed by importing the original back; a gateway condition changed in the properties panel and
 * deployed as a new version the engine runs; the diff of the two versions marking the changed flow; an exported
 * model imported back unchanged; and a manager who finds no modeler.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';
import { newPage, screenshot, signIn, useBrowser } from './browser-kit';
import { deploy, draftOf as draftOfResource, element, importFile as importResource, setCondition } from './modeler-kit';

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const localStorage: any;

let platform: Platform;
let browser: Browser;
usePlatform((started) => {
  platform = started;
});
useBrowser((launched) => (browser = launched));

const RESOURCE = 'business-expansion/business-expansion-fees.bpmn';
const ORIGINAL = readFileSync(join(__dirname, '..', '..', 'bpmn', RESOURCE), 'utf8');
const BROKEN = ORIGINAL.replace('type="business-expansion.calculate-fees"', 'type="business-expansion.no-such-worker"');
const draftOf = () => draftOfResource(platform, RESOURCE);
const importFile = async (page: Page, content: string) => {
  await importResource(platform, page, RESOURCE, content);
  await element(page, 'calculate-fees').waitFor();
};

test('refused with the errors listed, a changed condition deployed, the diff and the round trip', async () => {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'huangyan');
    await page.goto('/models?kind=bpmn');
    await page.getByTestId('model-link').filter({ hasText: 'business-expansion-fees.bpmn' }).click();
    await element(page, 'calculate-fees').waitFor();

    await importFile(page, BROKEN);
    await deploy(page, '试部署');
    await expect(page.getByTestId('deploy-refused').innerText()).resolves.toContain('部署被拒绝');
    await expect(page.getByTestId('problem-list').innerText()).resolves.toContain(
      '任务类型 business-expansion.no-such-worker 没有对应的执行程序',
    );
    await page.locator('.djs-overlays[data-container-id="calculate-fees"] .lint-badge').waitFor();
    await screenshot(page, 'modeler-refused-zh-CN');

    await page.evaluate(() => localStorage.setItem('pmp.locale', 'en-US'));
    await page.reload();
    await element(page, 'calculate-fees').waitFor();
    await page.getByTestId('check-model').click();
    await expect(page.getByTestId('problem-list').innerText()).resolves.toContain(
      'No worker serves job type business-expansion.no-such-worker',
    );
    await page.evaluate(() => localStorage.setItem('pmp.locale', 'zh-CN'));
    await page.reload();
    await element(page, 'calculate-fees').waitFor();

    await importFile(page, ORIGINAL);
    // The gateway's condition, in the properties panel's FEEL editor.
    await setCondition(page, 'flow-4', 'feesOutstandingFen > 100');
    await waitFor(async () => (await draftOf()).content.includes('feesOutstandingFen &gt; 100'), {
      description: 'the changed condition saved',
    });
    await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
    await deploy(page, '欠费超过 1 元才通知缴费');
    await expect(page.getByTestId('deployed').innerText()).resolves.toMatch(/已部署为版本 \d+/);
    const versions = (await (await platform.as('huangyan')).get(`/models/${encodeURIComponent(RESOURCE)}/versions`))
      .body.items;
    expect(versions[0]).toMatchObject({ deployedBy: 'huangyan', comment: '欠费超过 1 元才通知缴费' });
    // The engine's search lists a deployment a moment after it answers the deployment itself.
    await waitFor(
      async () => {
        const definitions = await platform.application.services.camunda.rest.searchProcessDefinitions({
          filter: { processDefinitionId: 'business-expansion-fees' },
          sort: [{ field: 'version', order: 'DESC' }],
        } as never);
        return definitions.items[0]?.version === versions[0].version;
      },
      { description: `version ${versions[0].version} in the engine's search` },
    );

    await page.getByRole('tab', { name: '版本' }).click();
    await expect(page.getByTestId('diff-changed').innerText()).resolves.toContain('flow-4');
    await page
      .locator('[data-testid=diff-newer] .diff-changed[data-element-id="flow-4"]')
      .waitFor({ state: 'attached' });
    await screenshot(page, 'modeler-diff');

    await page.getByRole('tab', { name: '编辑' }).click();
    await element(page, 'calculate-fees').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-model').click()]);
    const exported = readFileSync((await download.path())!, 'utf8');
    expect(exported).toBe((await draftOf()).content);
    await importFile(page, exported);
    expect((await draftOf()).content).toBe(exported);
  } catch (failure) {
    await screenshot(page, 'failed-modeler');
    throw failure;
  } finally {
    await context.close();
  }
}, 240_000);

test('a manager finds no modeler, neither in the menu nor by its address', async () => {
  const { context, page } = await newPage(browser, platform.url);
  try {
    await signIn(page, 'zhoumin');
    expect(await page.getByTestId('main-menu').innerText()).not.toContain('流程与规则建模');
    await page.goto('/models');
    await page.locator('.ant-result-404').waitFor();
  } finally {
    await context.close();
  }
});

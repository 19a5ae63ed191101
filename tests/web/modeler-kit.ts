/**
 * Steps of the modeler's browser tests (tests/web/modeler*.integration.test.ts): a resource's draft read through the
 * API, the modeler opened on a resource, a file imported, a gateway condition typed in the properties panel's FEEL
 * editor, and a deployment with its comment.
 */
import type { Page } from 'playwright-core';
import type { Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const document: any;

export interface DraftView {
  content: string;
  revision: number;
  savedBy: string;
}

export const modelPath = (resource: string, rest = '') => `/models/${encodeURIComponent(resource)}${rest}`;

/** The resource's draft as the server has it (read as huangyan, which also marks it opened by her). */
export const draftOf = async (platform: Platform, resource: string, login = 'huangyan'): Promise<DraftView> =>
  (await (await platform.as(login)).get(modelPath(resource, '/draft'))).body;

/** A shape or connection of the diagram in the BPMN editor. */
export const element = (page: Page, id: string) => page.locator(`[data-testid=bpmn-canvas] [data-element-id="${id}"]`);

/** Opens the modeler on `resource` and waits for its draft. */
export async function openModel(page: Page, resource: string): Promise<void> {
  await page.goto(modelPath(resource));
  await page.locator('[data-testid=draft-revision]').waitFor();
}

/** Waits until the server's draft satisfies `saved` and the page has nothing left to save: answers the draft. */
export async function waitSaved(platform: Platform, page: Page, resource: string, saved: (content: string) => boolean) {
  const draft = await waitFor(
    async () => {
      const current = await draftOf(platform, resource);
      return saved(current.content) && current;
    },
    { description: `the change to ${resource} saved` },
  );
  await page.locator('[data-testid=save-state][data-state=saved]').waitFor();
  return draft;
}

/** Uploads `content` as the resource's file and waits for the editor to open the imported draft. */
export async function importFile(platform: Platform, page: Page, resource: string, content: string): Promise<void> {
  const before = (await draftOf(platform, resource)).revision;
  await page.locator('input[type=file]').setInputFiles({
    name: resource.slice(resource.lastIndexOf('/') + 1),
    mimeType: 'application/xml',
    buffer: Buffer.from(content),
  });
  // The imported content itself, not any later revision: a save just before the import is one too.
  const { revision } = await waitFor(
    async () => {
      const draft = await draftOf(platform, resource);
      return draft.revision > before && draft.content === content && draft;
    },
    { description: 'the imported draft' },
  );
  // The editor opens again with the imported content once the page has the new revision.
  await page.locator(`[data-testid=draft-revision][data-revision="${revision}"]`).waitFor();
}

/** Clicks sequence flow `flowId` a little before its end, where no other flow leaving the same gateway runs. */
async function clickFlow(page: Page, flowId: string): Promise<void> {
  const point = await page.evaluate((id: string) => {
    const hit = document.querySelector(`[data-testid=bpmn-canvas] [data-element-id="${id}"] .djs-hit`);
    const length = hit.getTotalLength();
    const { x, y } = hit.getPointAtLength(length - Math.min(20, length / 2));
    const matrix = hit.getScreenCTM();
    return { x: matrix.a * x + matrix.c * y + matrix.e, y: matrix.b * x + matrix.d * y + matrix.f };
  }, flowId);
  await page.mouse.click(point.x, point.y);
}

/** Types `condition` (FEEL, without the leading `=`) as the condition of sequence flow `flowId`. */
export async function setCondition(page: Page, flowId: string, condition: string): Promise<void> {
  const selected = page.locator(`.djs-connection.selected[data-element-id="${flowId}"]`);
  await element(page, flowId).locator('.djs-hit').first().click({ force: true });
  // The middle of the path may belong to another flow leaving the same gateway: then pick it near its end.
  if (!(await selected.count())) await clickFlow(page, flowId);
  await selected.waitFor({ state: 'attached' });
  const panel = page.getByTestId('properties-panel');
  const group = panel.locator('[data-group-id="group-condition"] .bio-properties-panel-group-header');
  const feel = panel.locator('[data-group-id="group-condition"] .cm-content').first();
  await group.waitFor();
  // The panel remembers which groups were open: open the condition's only when its header says it is closed (a
  // visibility check taken while the panel still renders would close an open one).
  if (!(await group.evaluate((header) => header.classList.contains('open')))) await group.click();
  await feel.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(condition);
}

/** Clicks 部署 / Deploy, gives the comment and confirms. */
export async function deploy(page: Page, comment: string): Promise<void> {
  await page.getByTestId('deploy-model').click();
  await page.locator('#deploy-comment').fill(comment);
  await page.getByTestId('confirm-deploy').click();
}

/** Deploys from the page and waits for the success notice: answers the version it names. */
export async function deployed(page: Page, comment: string): Promise<number> {
  await deploy(page, comment);
  // The page answers once the engine has the deployment, which a busy machine may take a while to give.
  const outcome = page.locator('[data-testid=deployed], [data-testid=deploy-refused]').first();
  await outcome.waitFor({ timeout: 60_000 });
  const notice = await outcome.innerText();
  const version = /版本 (\d+)|version (\d+)/i.exec(notice);
  if (!version) throw new Error(`not deployed: "${notice}"`);
  return Number(version[1] ?? version[2]);
}

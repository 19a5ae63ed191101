/**
 * Steps of the walks (tests/web/walk-*.integration.test.ts): a demo user's turn in a fresh browser profile (signed
 * in through the sign-in page, signed out at the end), a case's task found in the user's tasklist, claimed and
 * completed on its page, and form-js fields filled as a person does (typing, picking from lists, ticking boxes).
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { TEST_PNG } from '../platform/platform-kit';
import { newPage, screenshot, signIn } from './browser-kit';

/** A walk's screenshots are numbered in the order taken: test-artifacts/web/<walk>-NN-<what>.png. */
export class Walk {
  private shots = 0;
  constructor(
    private readonly browser: Browser,
    private readonly baseUrl: string,
    readonly name: string,
  ) {}

  async screenshot(page: Page, what: string): Promise<void> {
    this.shots += 1;
    await screenshot(page, `${this.name}-${String(this.shots).padStart(2, '0')}-${what}`);
  }

  /** `login`'s turn: signed in on their group's tasklist, `work` done, signed out (a failure keeps a screenshot). */
  async as(login: string, work: (page: Page) => Promise<void>): Promise<void> {
    const { context, page } = await newPage(this.browser, this.baseUrl);
    try {
      await signIn(page, login, '/tasks?scope=group');
      await work(page);
      await page.getByRole('button', { name: '退出登录' }).click();
      await page.getByLabel('用户名').waitFor();
    } catch (failure) {
      await this.screenshot(page, `failed-${login}`);
      throw failure;
    } finally {
      await context.close();
    }
  }

  /**
   * Does the case's `step` from the tasklist (it reaches the list by polling): opens it, claims it on its page,
   * lets `fill` fill the form, takes the step's screenshot, submits and waits for the return to the list.
   */
  async doTask(page: Page, caseNo: string, step: string, fill: (form: Locator) => Promise<void>): Promise<void> {
    const link = page
      .locator('tr', { hasText: caseNo })
      .getByTestId('task-link')
      .filter({ hasText: wholeText(step) });
    await link.waitFor({ timeout: 30_000 });
    await link.click();
    await page.waitForURL(/\/tasks\/\d+$/);
    await page.getByRole('heading', { level: 1, name: step }).waitFor();
    const complete = page.getByTestId('complete-task');
    await complete.waitFor();
    const claim = page.getByRole('button', { name: /认\s*领/ });
    if (await claim.isVisible()) {
      await claim.click();
      await claim.waitFor({ state: 'detached' });
    }
    const form = page.getByTestId('task-form');
    await form.locator('.fjs-form').waitFor();
    await fill(form);
    await this.screenshot(page, step);
    await complete.click();
    await Promise.race([
      page.waitForURL(/\/tasks$/),
      page
        .getByTestId('task-problem')
        .waitFor()
        .then(async () => {
          throw new Error(`${step}: ${await page.getByTestId('task-problem').innerText()}`);
        }),
    ]);
  }
}

/** form-js selects open a list on click (the field found by its label's text); the option is picked by its label. */
export async function chooseOption(form: Locator, label: string, option: string): Promise<void> {
  const field = form.locator('.fjs-form-field', { hasText: label });
  await field.locator('.fjs-input-group').click();
  await field
    .locator('.fjs-dropdownlist-item')
    .filter({ hasText: wholeText(option) })
    .click();
}

/** Matches an element's whole text (满意 is not 不满意). */
const wholeText = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/**
 * A form-js date (`day`, YYYY-MM-DD) typed in the format its placeholder shows (the browser's locale), and a time
 * (HH:mm, a multiple of the field's 15 minutes) when given; each field takes its value when it loses focus.
 */
export async function fillDateTime(
  form: Locator,
  labels: { date: string; time?: string },
  day: string,
  time?: string,
): Promise<void> {
  const [year, month, date] = day.split('-');
  const dateInput = form.getByLabel(labels.date);
  const format = (await dateInput.getAttribute('placeholder')) ?? 'mm/dd/yyyy';
  await dateInput.fill(format.replace('yyyy', year!).replace('mm', month!).replace('dd', date!));
  await dateInput.press('Enter');
  await dateInput.press('Tab');
  if (labels.time && time) {
    const timeInput = form.getByLabel(labels.time);
    await timeInput.fill(time);
    await timeInput.press('Tab');
  }
}

/**
 * Uploads a file from the task page for the document kind the step still needs (the upload offers the missing
 * kind first) and waits until the step has every document it requires, so Complete is enabled.
 */
export async function uploadRequiredDocument(page: Page, fileName: string): Promise<void> {
  const card = page.getByTestId('case-documents');
  await page.getByTestId('required-documents').locator('[data-present="false"]').first().waitFor();
  await card.locator('input[type=file]').setInputFiles({ name: fileName, mimeType: 'image/png', buffer: TEST_PNG });
  await card.getByText(fileName).waitFor();
  await page.getByTestId('required-documents-note').waitFor({ state: 'detached' });
}

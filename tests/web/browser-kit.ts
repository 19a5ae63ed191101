/**
 * Browser tests drive Debian's Chromium (/usr/bin/chromium, never a downloaded build) through playwright-core
 * against the platform's own port, where the API serves the built web app. Screenshots go to test-artifacts/web/
 * (ignored by git) for people to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { ensureWebAppBuilt } from '../../scripts/build-web-app';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(__dirname, '..', '..', 'test-artifacts', 'web');
const AXE_SOURCE = require.resolve('axe-core/axe.min.js');

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees these names.
declare const document: any, window: any, NodeFilter: any;

export async function launchBrowser(): Promise<Browser> {
  ensureWebAppBuilt();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

/**
 * A fresh browser profile (no stored session or language) showing the app at `baseUrl`, on a computer set to
 * China time as the users' are (form-js writes a time the user enters with the computer's UTC offset).
 */
export async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport: { width: 1400, height: 900 },
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
}

/** One browser for a test file, launched before its tests (handed to `keep`) and closed after them. */
export function useBrowser(keep: (browser: Browser) => void): void {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    keep(browser);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });
}

/** Signs in through the sign-in page (Chinese labels: a fresh profile starts in zh-CN) and waits for the shell. */
export async function signIn(page: Page, login: string, path = '/tasks'): Promise<void> {
  await page.goto(path);
  await page.getByLabel('用户名').fill(login);
  await page.getByLabel('密码').fill('demo1234');
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('main-menu').waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core's serious and critical findings on the page as it stands (WCAG 2.1 A/AA rules); `include`, a CSS
 * selector, limits the check to that part of the page.
 */
export async function seriousAccessibilityViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  // Colours are read as they are drawn: a button still fading to its enabled colour, or a dialog still fading in,
  // would be judged on a frame of its transition.
  // (A spinner's endless animation is no transition and is not waited for.)
  await page.waitForFunction(() =>
    document
      .getAnimations()
      .every(
        (animation: any) => animation.playState !== 'running' || animation.effect?.getTiming().iterations === Infinity,
      ),
  );
  await page.addScriptTag({ path: AXE_SOURCE });
  const violations = await page.evaluate(async (selector?: string) => {
    const axe = (
      window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: AxeViolation[] }> } }
    ).axe;
    const result = await axe.run(selector ? { include: [[selector]] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, include);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/**
 * Visible text on the page with Chinese characters in it, and the texts a screen reader or a hover shows
 * (`aria-label`, `placeholder`, `title`, `alt`), leaving out what is marked as data (`data-i18n="data"`: names,
 * addresses, what users typed) and the language switch's own name for the other language. Nothing is left out by
 * guessing: a text that is data must carry the mark.
 */
export async function chineseOutsideData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const chinese = /[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/;
    const exempt = (element: any) =>
      element.closest('[data-i18n="data"], [data-i18n="language-name"], script, style') || !element.checkVisibility();
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !chinese.test(node.textContent ?? '') || exempt(parent)) continue;
      found.push(node.textContent!.trim());
    }
    const attributes = ['aria-label', 'placeholder', 'title', 'alt'];
    for (const element of document.body.querySelectorAll(attributes.map((name) => `[${name}]`).join(', ')))
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (value && chinese.test(value) && !exempt(element)) found.push(`${name}="${value}"`);
      }
    return found;
  });
}

/**
 * Visible, enabled controls a mouse can use that the keyboard cannot reach: not focusable by Tab
 * (`tabIndex < 0`) nor inside a focusable wrapper, and not one of a group (tabs, menu items, options) whose current member is, which arrow keys
 * move through. Each is named by its tag, role and text.
 */
export async function keyboardUnreachable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const controls = 'a[href], button, input, select, textarea, [role=button], [role=link], [role=checkbox]';
    const roving = '[role=tab], [role=menuitem], [role=option], [role=treeitem]';
    const found: string[] = [];
    const describe = (element: any) =>
      `${element.tagName.toLowerCase()}${element.getAttribute('role') ? `[role=${element.getAttribute('role')}]` : ''} "${(element.textContent || element.getAttribute('aria-label') || '').trim().slice(0, 40)}"`;
    for (const element of document.body.querySelectorAll(controls)) {
      if (!element.checkVisibility() || element.disabled || element.closest('[aria-hidden=true], [inert]')) continue;
      // A control inside a focusable wrapper (a pager's arrow in its list item) is reached through the wrapper.
      const wrapper = element.parentElement?.closest('[tabindex]');
      if (element.tabIndex < 0 && !(wrapper && wrapper.tabIndex >= 0)) found.push(describe(element));
    }
    for (const element of document.body.querySelectorAll(roving)) {
      if (!element.checkVisibility() || element.getAttribute('aria-disabled') === 'true') continue;
      const group = element.parentElement?.closest('[role=tablist], [role=menu], [role=listbox], [role=tree]');
      const members = group ? [...group.querySelectorAll(roving)] : [element];
      if (!members.some((member: any) => member.tabIndex >= 0) && !(group && group.tabIndex >= 0))
        found.push(describe(element));
    }
    return found;
  });
}

/**
 * Chooses `option` in the open modal's Ant Design select labelled `label`, until the select shows it (the list may
 * still be arriving from the API when it first opens).
 */
export async function chooseInModal(page: Page, label: string, option: string): Promise<void> {
  const dialog = page.getByRole('dialog');
  const chosen = dialog.locator('.ant-select', { hasText: option });
  for (let attempt = 0; attempt < 5 && (await chosen.count()) === 0; attempt++) {
    await dialog.getByLabel(label).click();
    // A long list shows only its first options (a virtual list): on a retry, type to narrow it where it searches.
    if (attempt > 0) await page.keyboard.type(option);
    // A click on an option still moving in may be lost, or the list may close under it: try again, not wait.
    const picked = await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option })
      .click({ timeout: 3_000 })
      .then(() => true)
      .catch(() => false);
    if (!picked) await page.keyboard.press('Escape');
    await chosen.waitFor({ timeout: 2_000 }).catch(() => undefined);
  }
  await chosen.waitFor();
}

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

/** A fresh browser profile (no stored session or language) showing the app at `baseUrl`. */
export async function newPage(browser: Browser, baseUrl: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  return { context, page };
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
 * Visible text on the page with Chinese characters in it, leaving out what is marked as data (`data-i18n="data"`:
 * names, addresses, step names from the models) and the language switch's own name for the other language.
 */
export async function chineseOutsideData(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !/[\u3400-\u9fff\u3000-\u303f\uff00-\uffef]/.test(node.textContent ?? '')) continue;
      if (parent.closest('[data-i18n="data"], [data-i18n="language-name"], script, style')) continue;
      if (!parent.checkVisibility()) continue;
      found.push(node.textContent!.trim());
    }
    return found;
  });
}

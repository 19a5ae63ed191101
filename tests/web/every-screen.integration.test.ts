/**
 * Every screen of the web app, in Chinese and in English, with real data on it: axe-core finds no serious
 * violation, the English screen shows no Chinese outside what is marked as data, and a screenshot of each is kept
 * (test-artifacts/web/screen-<name>-<locale>.png). The screens come from one list; a route in App.tsx that no
 * entry covers fails the first test, so a screen added later is added here too (one entry in SCREENS).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as ts from 'typescript';
import type { Browser, Page } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { expectOpenTasks, hvApplication, submit } from '../business-expansion/business-expansion-kit';
import { MENU } from '../../modeler-ui/src/shell/menu';
import {
  chineseOutsideData,
  launchBrowser,
  newPage,
  screenshot,
  seriousAccessibilityViolations,
  signIn,
} from './browser-kit';

// The functions given to page.evaluate run in the browser; the type check (Node's lib, no DOM) sees this name.
declare const localStorage: any;

type Locale = 'zh-CN' | 'en-US';

/** What the screens show: one 业扩 case at its survey, with a photo uploaded to it. */
interface Fixture {
  applicationNo: string;
  surveyTaskKey: string;
}

interface Screen {
  /** The route of App.tsx this screen is (`path` as written there). */
  route: string;
  /** Names the screenshot. */
  name: string;
  /** Who opens it (a role that sees it); none: signed out. */
  login?: string;
  path(fixture: Fixture): string;
  /** Waits until the screen shows its data (and does what it takes to show a part, e.g. a tab). */
  ready(page: Page, fixture: Fixture, locale: Locale): Promise<void>;
}

const SCREENS: Screen[] = [
  {
    route: '/login',
    name: 'sign-in',
    path: () => '/login',
    ready: (page) => page.locator('input[type=password]').waitFor(),
  },
  {
    route: '/tasks',
    name: 'tasklist',
    login: 'wangqiang',
    path: () => '/tasks?scope=group',
    ready: (page, { applicationNo }) => page.locator('tr', { hasText: applicationNo }).waitFor({ timeout: 30_000 }),
  },
  {
    route: '/tasks/:key',
    name: 'task',
    login: 'wangqiang',
    path: ({ surveyTaskKey }) => `/tasks/${surveyTaskKey}`,
    ready: async (page) => {
      await page.getByTestId('task-form').locator('.fjs-form-field textarea, .fjs-form-field input').first().waitFor();
      await page.getByTestId('case-summary').locator('.ant-descriptions').waitFor();
      await page.getByTestId('case-documents').getByText('site-photo.png').waitFor();
      await page.getByTestId('case-progress').locator('.case-active').first().waitFor();
    },
  },
  {
    route: '/tasks/:key',
    name: 'task-history',
    login: 'wangqiang',
    path: ({ surveyTaskKey }) => `/tasks/${surveyTaskKey}`,
    ready: async (page) => {
      const progress = page.getByTestId('case-progress');
      await progress.getByRole('tab').nth(1).click();
      await progress.getByTestId('case-history').locator('tbody tr').first().waitFor();
    },
  },
  {
    route: '/cases/:caseNo?',
    name: 'case',
    login: 'zhoumin',
    path: ({ applicationNo }) => `/cases/${applicationNo}`,
    ready: (page) => page.locator('.ant-card .ant-table-row').first().waitFor(),
  },
  {
    route: '/users',
    name: 'users',
    login: 'admin',
    path: () => '/users',
    ready: (page) => page.locator('.ant-table-row', { hasText: 'wangqiang' }).waitFor(),
  },
  {
    route: '*',
    name: 'not-found',
    login: 'wangqiang',
    path: () => '/no-such-screen',
    ready: (page) => page.locator('.ant-result-404').waitFor(),
  },
];

/** The `path` of every <Route> in App.tsx, read from its syntax tree (an index route has none). */
function appRoutes(): string[] {
  const file = join(__dirname, '..', '..', 'modeler-ui', 'src', 'app', 'App.tsx');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const paths: string[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isJsxSelfClosingElement(node) || ts.isJsxOpeningElement(node)) && node.tagName.getText() === 'Route')
      for (const attribute of node.attributes.properties)
        if (ts.isJsxAttribute(attribute) && attribute.name.getText() === 'path' && attribute.initializer)
          paths.push(
            ts.isStringLiteral(attribute.initializer)
              ? attribute.initializer.text
              : `(not a plain string: ${attribute.initializer.getText()})`,
          );
    ts.forEachChild(node, visit);
  };
  visit(source);
  return paths;
}

let platform: Platform;
let browser: Browser;
let fixture: Fixture;
usePlatform((started) => {
  platform = started;
});
beforeAll(async () => {
  browser = await launchBrowser();
  const { applicationNo } = await submit(platform, hvApplication('上海浦东全屏幕测试有限公司'));
  const [survey] = await expectOpenTasks(platform, applicationNo, ['survey']);
  const upload = new FormData();
  upload.set('kind', 'site-photo');
  upload.set('taskKey', survey.userTaskKey);
  upload.set('file', new Blob([PNG], { type: 'image/png' }), 'site-photo.png');
  const uploaded = await (
    await platform.as('wangqiang')
  ).fetch(`/cases/${applicationNo}/documents`, {
    method: 'POST',
    body: upload,
  });
  expect(uploaded.status).toBe(201);
  fixture = { applicationNo, surveyTaskKey: survey.userTaskKey };
}, 180_000);
afterAll(async () => {
  await browser?.close();
});

test('every route of the app and every menu entry has a screen in this test', () => {
  const routes = appRoutes();
  expect(routes.length).toBeGreaterThan(3);
  expect(routes.filter((route) => !SCREENS.some((screen) => screen.route === route))).toEqual([]);
  const covered = (path: string) => routes.some((route) => route.replace(/\/:\w+\??$/, '') === path);
  expect(MENU.filter((entry) => !covered(entry.path)).map((entry) => entry.path)).toEqual([]);
});

describe.each<Locale>(['zh-CN', 'en-US'])('in %s', (locale) => {
  test.each(SCREENS.map((screen) => [screen.name, screen] as const))(
    '%s: axe finds nothing serious, and in English no Chinese outside data',
    async (name, screen) => {
      const { context, page } = await newPage(browser, platform.url);
      try {
        if (screen.login) await signIn(page, screen.login);
        else await page.goto('/login');
        await page.evaluate((chosen) => localStorage.setItem('pmp.locale', chosen), locale);
        await page.goto(screen.path(fixture));
        await page.locator(`html[lang="${locale}"]`).waitFor();
        await screen.ready(page, fixture, locale);
        await screenshot(page, `screen-${name}-${locale}`);
        expect(await seriousAccessibilityViolations(page)).toEqual([]);
        if (locale === 'en-US') expect(await chineseOutsideData(page)).toEqual([]);
      } catch (failure) {
        await screenshot(page, `failed-screen-${name}-${locale}`);
        throw failure;
      } finally {
        await context.close();
      }
    },
    90_000,
  );
});

/** A PNG's signature and some bytes: what the server detects an image by. */
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(600, 1)]);

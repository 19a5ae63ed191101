/**
 * A 95598 fault-repair order (故障报修) from the call to the callback by the web app alone, each step done in
 * Debian's Chromium by the demo user whose step it is (fresh browser profile, signed in and out): the city command
 * center dispatches (fault repair starts there, by the routing table), the crew takes it, records its arrival and
 * the restoration with its reply, the reviewer passes the reply, the callback agent calls the customer back. The
 * business clock is pinned so that the times the crew types are after the dispatch and not in the future.
 * Screenshots: test-artifacts/web/walk-repair-NN-<step>.png.
 */
import type { Browser, Locator } from 'playwright-core';
import { usePlatform, type Platform } from '../platform/platform-kit';
import { startWorkOrderPlatform, waitForOrder } from '../work-orders/work-order-kit';
import { useBrowser } from './browser-kit';
import { fillRepairCall, submitIntake } from './intake-kit';
import { chooseOption, fillDateTime, Walk } from './walk-kit';

let platform: Platform;
let browser: Browser;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // a Tuesday, 09:00 in China
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(at(0));
}, startWorkOrderPlatform);
useBrowser((launched) => {
  browser = launched;
});

/** The 95598 agent liuna takes the call on the intake screen. */
async function takeTheCall(walk: Walk): Promise<string> {
  let orderNo = '';
  await walk.as('liuna', async (page) => {
    await page.getByTestId('menu-newWorkOrder').click();
    await fillRepairCall(page, {
      customerName: '李建华',
      phone: '13912345678',
      address: '上海市浦东新区东方路 800 弄 12 号',
      content: '整栋楼停电，楼道灯也不亮',
    });
    await walk.screenshot(page, '95598受理');
    orderNo = await submitIntake(page, 'submit-order');
  });
  await waitForOrder(platform, orderNo, (order) => order.orderType === 'fault-repair', 'the order taken');
  return orderNo;
}

test('a fault-repair order from the call to the callback, each step by its user in the web app', async () => {
  const walk = new Walk(browser, platform.url, 'walk-repair');
  const no = await takeTheCall(walk);
  // Each dispatch level takes the order on (接单), having checked it is the order it was given.
  const takeOn = async (form: Locator) => {
    expect(await form.getByLabel('工单编号').inputValue()).toBe(no);
    await chooseOption(form, '接单或退单', '接单（向下一级派发；班组为受理处理）');
  };

  await walk.as('majun', (page) => walk.doTask(page, no, '地市指挥中心派单', takeOn));
  await walk.as('lutao', (page) => walk.doTask(page, no, '班组接单', takeOn));

  // The crew reaches the site at 09:15 and records it at 09:30; power is back at 10:15, recorded at 10:30.
  await platform.pinClock(at(30));
  await walk.as('lutao', (page) =>
    walk.doTask(page, no, '到达现场', async (form) => {
      await fillDateTime(form, { date: '到达现场日期', time: '到达现场时刻' }, '2026-10-13', '09:15');
      await form.getByLabel('到达现场情况（故障点、影响范围）').fill('配变低压熔丝熔断，影响 12 号楼全部用户');
    }),
  );
  await platform.pinClock(at(90));
  await walk.as('lutao', (page) =>
    walk.doTask(page, no, '抢修送电并回单', async (form) => {
      await fillDateTime(form, { date: '恢复送电日期', time: '恢复送电时刻' }, '2026-10-13', '10:15');
      await form.getByLabel('处理结果（回单内容）').fill('已更换熔丝，10:15 恢复送电，已告知客户');
    }),
  );

  await walk.as('songjia', (page) =>
    walk.doTask(page, no, '回单审核', async (form) => {
      expect(await form.getByLabel('回单内容').inputValue()).toContain('已更换熔丝');
      await chooseOption(form, '审核结果', '审核通过');
    }),
  );
  await walk.as('tangli', (page) =>
    walk.doTask(page, no, '客户回访', async (form) => {
      await chooseOption(form, '客户满意度', '满意');
      await form.getByLabel('回访记录（客户意见）').fill('客户确认已恢复供电，对抢修满意');
    }),
  );

  const archived = await waitForOrder(platform, no, (order) => order.state === 'archived', 'archived');
  expect(archived).toMatchObject({ satisfaction: 'satisfied', reopenCount: 0 });
  expect(archived.dispatch.map((d: { level: string; kind: string; actor: string }) => `${d.level}:${d.actor}`)).toEqual(
    ['city:majun', 'unit:lutao'],
  );
  expect(archived.repair).toEqual({
    arrival: { dueAt: at(45).toISOString(), at: at(15).toISOString(), late: false },
    restoration: { dueAt: at(15 + 180).toISOString(), at: at(75).toISOString(), late: false },
    onTime: true,
  });
  // Each step's record names the user who did it in the web app.
  const actor = (entries: { actor: string }[]) => entries.map((entry) => entry.actor);
  expect(actor(archived.replies)).toEqual(['lutao']);
  expect(actor(archived.reviews)).toEqual(['songjia']);
  expect(archived.reviews[0].kind).toBe('review-pass');
  expect(actor(archived.callbacks)).toEqual(['tangli']);
  expect(archived.callbacks[0].comment).toContain('客户确认已恢复供电');
}, 300_000);

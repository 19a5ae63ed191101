/**
 * The monitor's API on the real engine, each figure checked against what the test seeded on a pinned clock (and the
 * engine's own statistics): instances of a small drawn process in two versions, started a minute apart on two China
 * days, left waiting (due soon or late), stopped on an incident, completed after 1, 2 and 5 hours, cancelled; two
 * 业扩 cases of two units. Thirty days on, every filter of the instance list (states, versions, days, case number,
 * customer, unit, a variable's value), its sorting, the processes screen's counts per process, type and version, and
 * the heatmap's counts and times; wrong filters refused with a 400 that names the field.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  applicant,
  expectOpenTasks,
  residentialApplication,
  submit,
} from '../business-expansion/business-expansion-kit';
import { usePlatform, type ApiClient, type Platform } from '../platform/platform-kit';
import { waitFor } from '../support/wait-for';

let platform: Platform;
const T0 = Date.parse('2026-10-13T01:00:00Z'); // Tuesday 13 October, 09:00 in China
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const FIXTURE = join(__dirname, '../web/fixtures/monitor-load.bpmn');

interface Seeded {
  key: string;
  businessKey: string;
  version: 1 | 2;
  startedAt: number;
  state: 'ACTIVE' | 'COMPLETED' | 'TERMINATED';
  incident?: boolean;
  /** Its open task is past its due date thirty days on. */
  overdue?: boolean;
  endedAt?: number;
}
const seeded: Seeded[] = [];
let pudongCase: string;
let minhangCase: string;

/** Starts an instance of the fixture process at `at` (the clocks pinned there). */
async function start(at: number, fields: Omit<Seeded, 'key' | 'startedAt' | 'state'>, variables: object) {
  await platform.pinClock(new Date(at));
  const { zeebe } = platform.application.services.camunda;
  const { processInstanceKey } = await zeebe.createProcessInstance({
    bpmnProcessId: 'monitor-load',
    version: fields.version,
    variables: { businessKey: fields.businessKey, ...variables },
  });
  const instance: Seeded = { key: processInstanceKey, startedAt: at, state: 'ACTIVE', ...fields };
  seeded.push(instance);
  return instance;
}

usePlatform(async (started) => {
  platform = started;
  await platform.pinClock(new Date(T0));
});

beforeAll(async () => {
  const { zeebe } = platform.application.services.camunda;
  await zeebe.deployResources([{ processFilename: FIXTURE }]);
  const soon = new Date(T0 + DAY).toISOString();
  const late = new Date(T0 + 60 * DAY).toISOString();
  // Day one (13 October), version 1: one due soon (overdue later), one due late, one incident, three completed.
  await start(
    T0 + MINUTE,
    { businessKey: 'JKA-LATE-1', version: 1, overdue: true },
    { route: 'check', dueDate: soon, amount: 5 },
  );
  await start(T0 + 2 * MINUTE, { businessKey: 'JKA-OK-2', version: 1 }, { route: 'check', dueDate: late, amount: '5' });
  const incident = await start(
    T0 + 3 * MINUTE,
    { businessKey: 'JKA-INC-3', version: 1 },
    { route: 'nowhere', dueDate: late },
  );
  incident.incident = true;
  const done = [];
  for (const n of [1, 2, 3])
    done.push(
      await start(
        T0 + (3 + n) * MINUTE,
        { businessKey: `JKA-DONE-${n}`, version: 1 },
        { route: 'check', dueDate: late },
      ),
    );
  // Completed 1, 2 and 5 hours after they opened: the check step's mean is 8/3 h, its 90th percentile 5 h.
  for (const [index, hours] of [1, 2, 5].entries()) {
    const instance = done[index];
    await platform.openTask(instance.key, 'check');
    await platform.pinClock(new Date(instance.startedAt + hours * HOUR));
    await platform.completeTask('zhoumin', instance.key, 'check');
    Object.assign(instance, { state: 'COMPLETED', endedAt: instance.startedAt + hours * HOUR });
  }
  // Day two (14 October), version 2 (a new name makes a new version): one due soon on the other step, one cancelled.
  await platform.pinClock(new Date(T0 + DAY));
  const v2 = readFileSync(FIXTURE, 'utf8').replace('name="监控负载"', 'name="监控负载（二）"');
  await zeebe.deployResources([{ name: 'monitor-load.bpmn', process: Buffer.from(v2) } as never]);
  await start(
    T0 + DAY + MINUTE,
    { businessKey: 'JKB-LATE-4', version: 2, overdue: true },
    { route: 'visit', dueDate: new Date(T0 + 2 * DAY).toISOString() },
  );
  const cancelled = await start(
    T0 + DAY + 2 * MINUTE,
    { businessKey: 'JKB-CANCEL-5', version: 2 },
    { route: 'check', dueDate: late },
  );
  await platform.openTask(cancelled.key, 'check');
  await platform.pinClock(new Date(T0 + DAY + HOUR));
  const cancel = await (await manager()).post(`/monitor/instances/${cancelled.key}/cancel`, { reason: '测试取消' });
  expect(cancel.status).toBe(200);
  Object.assign(cancelled, { state: 'TERMINATED', endedAt: T0 + DAY + HOUR });
  // Two 业扩 cases, of Pudong (the manager's unit) and of Minhang: each waits at its survey.
  pudongCase = (await submit(platform, residentialApplication({ customer: applicant({ name: '监控客户欧阳明' }) })))
    .applicationNo;
  const minhang = await (
    await platform.as('wuting')
  ).post(
    '/business-expansion/applications',
    residentialApplication({ customer: applicant({ name: '监控客户闵行', area: 'SH-MH' }) }),
  );
  expect(minhang.status).toBe(201);
  minhangCase = minhang.body.applicationNo;
  await expectOpenTasks(platform, pudongCase, ['survey']);
  await expectOpenTasks(platform, minhangCase, ['survey']);
  // Thirty days on: the soon-due tasks and both surveys are overdue; what the engine shows has settled.
  await platform.pinClock(new Date(T0 + 30 * DAY));
  const admin = await platform.as('admin');
  await waitFor(
    async () => {
      const all = await admin.get('/monitor/instances?processId=monitor-load&size=100');
      return (
        all.body.items?.length === seeded.length &&
        seeded.every((s) =>
          all.body.items.some(
            (row: any) =>
              row.processInstanceKey === s.key && row.state === s.state && row.hasIncident === Boolean(s.incident),
          ),
        )
      );
    },
    { timeout: 30_000, interval: 250, description: 'the seeded instances in their states' },
  );
}, 180_000);

const manager = () => platform.as('zhoumin');

async function list(client: ApiClient, query: string): Promise<{ keys: string[]; body: any }> {
  const answer = await client.get(`/monitor/instances?${query}`);
  expect({ query, status: answer.status }).toEqual({ query, status: 200 });
  return { keys: answer.body.items.map((row: any) => row.processInstanceKey), body: answer.body };
}

/** The seeded instances matching `keep`, in the list's default order (newest first). */
const expected = (keep: (instance: Seeded) => boolean) =>
  seeded
    .filter(keep)
    .sort((a, b) => b.startedAt - a.startedAt)
    .map((instance) => instance.key);

const CHINA_DAY_1 = (t: number) => t < T0 + 15 * HOUR; // before 00:00 of 14 October in China

describe('the instance list', () => {
  test('each state filter', async () => {
    const client = await manager();
    const of = (state: string) => list(client, `processId=monitor-load&state=${state}&size=100`);
    expect((await of('running')).keys).toEqual(expected((s) => s.state === 'ACTIVE'));
    expect((await of('completed')).keys).toEqual(expected((s) => s.state === 'COMPLETED'));
    expect((await of('cancelled')).keys).toEqual(expected((s) => s.state === 'TERMINATED'));
    expect((await of('incident')).keys).toEqual(expected((s) => Boolean(s.incident)));
    expect((await of('overdue')).keys).toEqual(expected((s) => Boolean(s.overdue)));
    const all = await list(client, 'processId=monitor-load&size=100');
    expect(all.body.total).toBe(seeded.length);
    // Well within the limits, the answer says it is whole.
    expect((await of('overdue')).body.capped).toEqual([]);
    for (const instance of seeded)
      expect(all.body.items.find((row: any) => row.processInstanceKey === instance.key)).toMatchObject({
        businessKey: instance.businessKey,
        processDefinitionVersion: instance.version,
        state: instance.state,
        hasIncident: Boolean(instance.incident),
        overdue: Boolean(instance.overdue),
        startDate: new Date(instance.startedAt).toISOString(),
        endDate: instance.endedAt ? new Date(instance.endedAt).toISOString() : null,
      });
  });

  test('version, start and end days (China days), case number, a variable value', async () => {
    const client = await manager();
    const keys = async (query: string) => (await list(client, `processId=monitor-load&size=100&${query}`)).keys;
    expect(await keys('version=1')).toEqual(expected((s) => s.version === 1));
    expect(await keys('version=2')).toEqual(expected((s) => s.version === 2));
    expect(await keys('version=3')).toEqual([]);
    expect(await keys('startedFrom=2026-10-14')).toEqual(expected((s) => !CHINA_DAY_1(s.startedAt)));
    expect(await keys('startedTo=2026-10-13')).toEqual(expected((s) => CHINA_DAY_1(s.startedAt)));
    expect(await keys('startedFrom=2026-10-13&startedTo=2026-10-14')).toEqual(expected(() => true));
    expect(await keys('startedFrom=2026-10-15')).toEqual([]);
    expect(await keys('endedFrom=2026-10-13&endedTo=2026-10-13')).toEqual(
      expected((s) => s.endedAt !== undefined && CHINA_DAY_1(s.endedAt)),
    );
    expect(await keys('endedFrom=2026-10-14')).toEqual(
      expected((s) => s.endedAt !== undefined && !CHINA_DAY_1(s.endedAt)),
    );
    expect(await keys('caseNo=JKA')).toEqual(expected((s) => s.businessKey.startsWith('JKA')));
    expect(await keys('caseNo=done')).toEqual(expected((s) => s.businessKey.includes('DONE')));
    expect(await keys('variable=route&value=visit')).toEqual(expected((s) => s.businessKey === 'JKB-LATE-4'));
    // A value that reads as JSON is matched as such: the number 5, or (in quotes) the text "5".
    expect(await keys('variable=amount&value=5')).toEqual(expected((s) => s.businessKey === 'JKA-LATE-1'));
    expect(await keys('variable=amount&value="5"')).toEqual(expected((s) => s.businessKey === 'JKA-OK-2'));
    expect(await keys('variable=route&value=check&state=completed')).toEqual(expected((s) => s.state === 'COMPLETED'));
  });

  test('sorting by each field, both ways, and paging', async () => {
    const client = await manager();
    const keys = async (query: string) => (await list(client, `processId=monitor-load&size=100&${query}`)).keys;
    const byStart = [...seeded].sort((a, b) => a.startedAt - b.startedAt).map((s) => s.key);
    expect(await keys('sort=startDate&order=asc')).toEqual(byStart);
    expect(await keys('sort=startDate&order=desc')).toEqual([...byStart].reverse());
    const ended = seeded
      .filter((s) => s.endedAt)
      .sort((a, b) => a.endedAt! - b.endedAt!)
      .map((s) => s.key);
    expect(await keys('sort=endDate&order=asc&endedFrom=2026-10-01')).toEqual(ended);
    expect(await keys('sort=endDate&order=desc&endedFrom=2026-10-01')).toEqual([...ended].reverse());
    // By state, ties by the instance key, newest first (the list's second order).
    const rank = { ACTIVE: 0, COMPLETED: 1, TERMINATED: 2 };
    const byState = [...seeded].sort(
      (a, b) => rank[a.state] - rank[b.state] || (BigInt(b.key) > BigInt(a.key) ? 1 : -1),
    );
    expect(await keys('sort=state&order=asc')).toEqual(byState.map((s) => s.key));
    // By process across processes: the 业扩 case before the fixture's instances, and after them when descending.
    const byProcess = (await list(client, 'sort=processDefinitionId&order=asc&size=100')).body.items.map(
      (row: any) => row.processDefinitionId,
    );
    expect(byProcess).toEqual([...byProcess].sort());
    expect(new Set(byProcess)).toEqual(new Set(['business-expansion', 'monitor-load']));
    const pages = [];
    for (const page of [1, 2, 3])
      pages.push(...(await list(client, `processId=monitor-load&sort=startDate&order=asc&size=3&page=${page}`)).keys);
    expect(pages).toEqual(byStart);
  });

  test('customer and unit, within the reader’s units', async () => {
    const client = await manager();
    const admin = await platform.as('admin');
    const businessKeys = async (c: ApiClient, query: string) =>
      (await list(c, `${query}&size=100`)).body.items.map((row: any) => row.businessKey);
    expect(await businessKeys(client, 'customer=欧阳明')).toEqual([pudongCase]);
    const found = await list(client, 'customer=欧阳明');
    expect(found.body.items[0]).toMatchObject({ customerName: '监控客户欧阳明', overdue: true, state: 'ACTIVE' });
    // The Minhang case is not the Pudong manager's, whatever the filter; the administrator sees both units.
    expect(await businessKeys(client, 'customer=监控客户')).toEqual([pudongCase]);
    expect(await businessKeys(client, 'unit=SH-MH')).toEqual([]);
    expect(await businessKeys(client, 'unit=SH-PD')).toEqual([pudongCase]);
    expect((await businessKeys(admin, 'customer=监控客户')).sort()).toEqual([pudongCase, minhangCase].sort());
    expect(await businessKeys(admin, 'unit=SH-MH')).toEqual([minhangCase]);
    expect(await businessKeys(admin, 'unit=SH-MH&customer=欧阳明')).toEqual([]);
    expect(await businessKeys(admin, 'unit=SH-MH&state=overdue')).toEqual([minhangCase]);
  });

  test('a wrong filter is refused with a 400 naming it', async () => {
    const client = await manager();
    for (const [query, field] of [
      ['state=lost', 'state'],
      ['sort=customer', 'sort'],
      ['order=sideways', 'order'],
      ['startedFrom=2026-02-30', 'startedFrom'],
      ['endedTo=13.10.2026', 'endedTo'],
      ['version=0', 'version'],
      ['size=101', 'size'],
      ['page=0', 'page'],
      ['variable=1route&value=x', 'variable'],
      ['variable=route', 'value'],
      ['value=check', 'variable'],
      ['startedFrom=2026-10-14&startedTo=2026-10-13', 'startedTo'],
      ['endedFrom=2026-10-14&endedTo=2026-10-13', 'endedTo'],
      ['businessType=new', 'businessType'],
      ['processId=business-expansion&businessType=lost', 'businessType'],
    ]) {
      const answer = await client.get(`/monitor/instances?${query}`);
      expect({ query, status: answer.status, fields: answer.body.details?.map((d: any) => d.field) }).toEqual({
        query,
        status: 400,
        fields: expect.arrayContaining([field]),
      });
    }
  });
});

describe('the processes screen', () => {
  const counts = (keep: (instance: Seeded) => boolean) => {
    const running = seeded.filter((s) => s.state === 'ACTIVE' && keep(s));
    return {
      running: running.length,
      incidents: running.filter((s) => s.incident).length,
      overdue: running.filter((s) => s.overdue).length,
    };
  };
  const processOf = async (login: string, id: string) => {
    const answer = await (await platform.as(login)).get('/monitor/processes');
    expect(answer.status).toBe(200);
    return answer.body.items.find((item: any) => item.processDefinitionId === id);
  };

  test('running, incidents and overdue per process and per version, as seeded', async () => {
    const fixture = await processOf('zhoumin', 'monitor-load');
    expect((await (await manager()).get('/monitor/processes')).body.overdueCapped).toBe(false);
    expect(fixture).toMatchObject(counts(() => true));
    expect(fixture.versions).toEqual([
      expect.objectContaining({ version: 2, ...counts((s) => s.version === 2) }),
      expect.objectContaining({ version: 1, ...counts((s) => s.version === 1) }),
    ]);
    // The engine's own count of the running instances agrees.
    const { rest } = platform.application.services.camunda;
    const engine = await rest.searchProcessInstances({
      filter: { processDefinitionId: 'monitor-load', state: 'ACTIVE' },
      page: { limit: 1 },
    } as never);
    expect(fixture.running).toBe(Number(engine.page.totalItems));
  });

  test('a manager counts only the cases of their units; per business type too', async () => {
    const pudong = await processOf('zhoumin', 'business-expansion');
    expect(pudong).toMatchObject({ running: 1, incidents: 0, overdue: 1 });
    expect(pudong.types).toEqual([
      { type: 'new', running: 1, incidents: 0, overdue: 1, atLeast: false },
      { type: 'increase', running: 0, incidents: 0, overdue: 0, atLeast: false },
    ]);
    expect(await processOf('zhoumin', 'business-expansion-survey')).toMatchObject({ running: 1, overdue: 1 });
    expect(await processOf('admin', 'business-expansion')).toMatchObject({ running: 2, incidents: 0, overdue: 2 });
    expect(await processOf('admin', 'business-expansion-survey')).toMatchObject({ running: 2, overdue: 2 });
  });
});

describe('the heatmap', () => {
  const heatmap = async (login: string, path: string) => {
    const answer = await (await platform.as(login)).get(`/monitor/processes/${path}`);
    expect({ path, status: answer.status }).toEqual({ path, status: 200 });
    return answer.body;
  };
  const step = (map: any, elementId: string) => map.steps.find((s: any) => s.elementId === elementId);

  test('active, overdue, incidents and the step times of one version, against the engine', async () => {
    const v1 = await heatmap('zhoumin', 'monitor-load/heatmap?version=1');
    expect(v1).toMatchObject({ version: 1, versions: [2, 1] });
    const inV1 = seeded.filter((s) => s.version === 1);
    expect(step(v1, 'check')).toEqual({
      elementId: 'check',
      active: inV1.filter((s) => s.state === 'ACTIVE' && !s.incident).length,
      incidents: 0,
      completed: 3,
      overdue: inV1.filter((s) => s.overdue).length,
      overdueAtLeast: false,
      meanMs: Math.round((8 * HOUR) / 3),
      p90Ms: 5 * HOUR,
      sampled: 3,
    });
    expect(step(v1, 'route')).toMatchObject({ active: 1, incidents: 1, overdue: 0 });
    // The engine's statistics of the version, unfiltered (every instance of the fixture is the manager's to see).
    const { cluster } = platform.application.services.camunda;
    const engine = (await cluster.getProcessDefinitionStatistics(
      { processDefinitionKey: v1.processDefinitionKey } as never,
      { consistency: { waitUpToMs: 0 } },
    )) as unknown as { items: { elementId: string; active: number; completed: number; incidents: number }[] };
    for (const item of engine.items.filter((i) => i.elementId === 'check' || i.elementId === 'route'))
      expect(step(v1, item.elementId)).toMatchObject({
        active: item.active,
        completed: item.completed,
        incidents: item.incidents,
      });
    // The newest version unless one is asked: its visit step waits, overdue; its cancelled check is no heat.
    const latest = await heatmap('zhoumin', 'monitor-load/heatmap');
    expect(latest.version).toBe(2);
    expect(step(latest, 'visit')).toMatchObject({ active: 1, overdue: 1, completed: 0, meanMs: null, p90Ms: null });
    expect(step(latest, 'check')).toBeUndefined();
  });

  test('a manager sees the heat of their units’ cases only', async () => {
    expect(step(await heatmap('zhoumin', 'business-expansion-survey/heatmap'), 'survey')).toMatchObject({
      active: 1,
      overdue: 1,
    });
    expect(step(await heatmap('admin', 'business-expansion-survey/heatmap'), 'survey')).toMatchObject({
      active: 2,
      overdue: 2,
    });
  });

  test('a wrong version is refused, an unknown one not found', async () => {
    const client = await manager();
    const wrong = await client.get('/monitor/processes/monitor-load/heatmap?version=two');
    expect(wrong.status).toBe(400);
    expect(wrong.body.details.map((d: any) => d.field)).toEqual(['version']);
    expect((await client.get('/monitor/processes/monitor-load/heatmap?version=9')).status).toBe(404);
    expect((await client.get('/monitor/processes/no-such-process/heatmap')).status).toBe(404);
  });
});

/**
 * The modeler's API on the real platform: drafts with revisions (a second analyst is told and a stale save is a
 * 409 naming who saved), the check that refuses a deployment with the errors listed (422), a deployment that makes
 * a new engine version recorded with who and why, the versions and their export and import, and only analysts.
 */
import { usePlatform, type Platform } from '../platform/platform-kit';

let platform: Platform;
usePlatform((started) => {
  platform = started;
});

const FEE_TABLE = 'business-expansion/high-reliability-fee.dmn';
const FEES_PROCESS = 'business-expansion/business-expansion-fees.bpmn';
const path = (resource: string, rest = '') => `/models/${encodeURIComponent(resource)}${rest}`;

const dualSource20kV = {
  dualSource: true,
  circuitsInterconnected: true,
  supplyVoltage: '20kV',
  lineType: 'overhead',
  externalWorksBuiltBy: 'supplier',
};

async function engineRate(): Promise<unknown> {
  const answer = await platform.application.services.camunda.zeebe.evaluateDecision({
    decisionId: 'high-reliability-fee',
    variables: dualSource20kV,
  });
  return JSON.parse(answer.decisionOutput).ratePerKva ?? JSON.parse(answer.decisionOutput);
}

test('the resources are listed with the version deployed at start', async () => {
  const analyst = await platform.as('huangyan');
  const { status, body } = await analyst.get('/models');
  expect(status).toBe(200);
  const fees = body.items.find((item: any) => item.resource === FEE_TABLE);
  expect(fees).toMatchObject({ kind: 'dmn', defines: [{ id: 'high-reliability-fee' }] });
  expect(fees.latestVersion).toBeGreaterThanOrEqual(1);
  const versions = await analyst.get(path(FEE_TABLE, '/versions'));
  expect(versions.body.items[0]).toMatchObject({ source: 'file', deployedBy: 'system' });
});

test('the second analyst is told who has the draft open; a save on a stale revision is refused with who saved', async () => {
  const [first, second] = [await platform.as('huangyan'), await platform.as('tangyue')];
  const opened = await first.get(path(FEES_PROCESS, '/draft'));
  expect(opened.status).toBe(200);
  expect(opened.body.otherEditor).toBeNull();
  const alsoOpened = await second.get(path(FEES_PROCESS, '/draft'));
  expect(alsoOpened.body.otherEditor).toMatchObject({ login: 'huangyan' });
  // However often tangyue opens it again, huangyan is still named (decision 0049).
  expect((await second.get(path(FEES_PROCESS, '/draft'))).body.otherEditor).toMatchObject({ login: 'huangyan' });
  expect((await first.get(path(FEES_PROCESS, '/draft'))).body.otherEditor).toMatchObject({ login: 'tangyue' });
  const revision = opened.body.revision;
  const content = opened.body.content.replace('name="计算业务费用"', 'name="计算业务费用（新）"');
  const saved = await first.put(path(FEES_PROCESS, '/draft'), { content, revision });
  expect(saved.body).toMatchObject({ revision: revision + 1, savedBy: 'huangyan' });
  const stale = await second.put(path(FEES_PROCESS, '/draft'), { content: alsoOpened.body.content, revision });
  expect(stale.status).toBe(409);
  expect(stale.body.details).toMatchObject({ savedBy: 'huangyan', revision: revision + 1 });
  const broken = await first.put(path(FEES_PROCESS, '/draft'), { content: '<not-bpmn', revision: revision + 1 });
  expect(broken.status).toBe(400);
});

test('a draft with errors is refused with the errors listed; the fixed one deploys as a new version', async () => {
  const analyst = await platform.as('huangyan');
  const draft = (await analyst.get(path(FEES_PROCESS, '/draft'))).body;
  const unknownJob = draft.content.replace(
    'type="business-expansion.calculate-fees"',
    'type="business-expansion.no-such-worker"',
  );
  const saved = (await analyst.put(path(FEES_PROCESS, '/draft'), { content: unknownJob, revision: draft.revision }))
    .body;
  const refused = await analyst.post(path(FEES_PROCESS, '/deploy'), { comment: '试部署', revision: saved.revision });
  expect(refused.status).toBe(422);
  expect(refused.body.details.errors).toEqual([
    expect.objectContaining({
      rule: 'project/job-type-has-worker',
      elementId: 'calculate-fees',
      value: 'business-expansion.no-such-worker',
    }),
  ]);
  const fixed = (await analyst.put(path(FEES_PROCESS, '/draft'), { content: draft.content, revision: saved.revision }))
    .body;
  const before = (await analyst.get(path(FEES_PROCESS, '/versions'))).body.items[0].version;
  const deployed = await analyst.post(path(FEES_PROCESS, '/deploy'), { comment: '步骤改名', revision: fixed.revision });
  expect(deployed.status).toBe(201);
  expect(deployed.body.version).toMatchObject({ version: before + 1, deployedBy: 'huangyan', comment: '步骤改名' });
  const audit = await (await platform.as('admin')).get('/audit?action=model.deploy&actor=huangyan');
  expect(audit.body.items.map((entry: any) => entry.outcome).sort()).toEqual(['ok', 'refused']);
});

test('a changed fee table deployed by an analyst is what the engine evaluates', async () => {
  const analyst = await platform.as('huangyan');
  expect(await engineRate()).toBe(190);
  const draft = (await analyst.get(path(FEE_TABLE, '/draft'))).body;
  const content = draft.content.replace(
    '<outputEntry id="high-reliability-fee-rule-2-out-0"><text>190</text>',
    '<outputEntry id="high-reliability-fee-rule-2-out-0"><text>200</text>',
  );
  expect(content).not.toEqual(draft.content);
  const saved = (await analyst.put(path(FEE_TABLE, '/draft'), { content, revision: draft.revision })).body;
  const deployed = await analyst.post(path(FEE_TABLE, '/deploy'), { comment: '调整费率', revision: saved.revision });
  expect(deployed.status).toBe(201);
  expect(await engineRate()).toBe(200);
  const version = (await analyst.get(path(FEE_TABLE, `/versions/${deployed.body.version.version}`))).body;
  expect(version.content).toBe(content);
});

test('an exported version imports back unchanged', async () => {
  const analyst = await platform.as('huangyan');
  const [latest] = (await analyst.get(path(FEE_TABLE, '/versions'))).body.items;
  const exported = await analyst.fetch(path(FEE_TABLE, `/export?version=${latest.version}`));
  expect(exported.headers.get('content-disposition')).toContain('high-reliability-fee.dmn');
  const text = await exported.text();
  const imported = await analyst.post(path(FEE_TABLE, '/import'), { content: text });
  expect(imported.status).toBe(200);
  expect((await analyst.get(path(FEE_TABLE, '/draft'))).body.content).toBe(text);
  // An import naming a revision someone saved over since is refused and replaces nothing.
  const current = (await analyst.get(path(FEE_TABLE, '/draft'))).body;
  const stale = await (
    await platform.as('tangyue')
  ).post(path(FEE_TABLE, '/import'), {
    content: text.replace('高可靠性供电费标准', '高可靠性供电费'),
    revision: current.revision - 1,
  });
  expect(stale.status).toBe(409);
  expect(stale.body.details).toMatchObject({ savedBy: 'huangyan', revision: current.revision });
  expect((await analyst.get(path(FEE_TABLE, '/draft'))).body.content).toBe(text);
  const notDmn = await analyst.post(path(FEE_TABLE, '/import'), { content: '{"id":"x","components":[]}' });
  expect(notDmn.status).toBe(400);
});

test('a form and a process export and import back unchanged, as Camunda Modeler reads and writes them', async () => {
  const analyst = await platform.as('huangyan');
  for (const resource of [
    'change-of-use/forms/change-of-use-review.form',
    'business-expansion/business-expansion.bpmn',
  ]) {
    const [latest] = (await analyst.get(path(resource, '/versions'))).body.items;
    const exported = await analyst.fetch(path(resource, `/export?version=${latest.version}`));
    expect(exported.status).toBe(200);
    expect(exported.headers.get('content-disposition')).toContain(resource.split('/').pop());
    const text = await exported.text();
    const imported = await analyst.post(path(resource, '/import'), { content: text });
    expect(imported.status).toBe(200);
    expect((await analyst.get(path(resource, '/draft'))).body.content).toBe(text);
  }
});

test('only analysts reach the modeler', async () => {
  const manager = await platform.as('zhoumin');
  expect((await manager.get('/models')).status).toBe(403);
  expect((await manager.post(path(FEE_TABLE, '/deploy'), { comment: 'x', revision: 0 })).status).toBe(403);
});

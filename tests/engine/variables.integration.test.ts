/**
 * Variable scopes, mappings and propagation (docs/zeebe-rules.md §2): what a worker sees, and what the process ends
 * with.
 */
import { status } from '@grpc/grpc-js';
import { callUnary, gatewayClient } from '../grpc/grpc-test-clients';
import { activateJob, deployFixture, recordsOf, unique, useEngine, waitForCompletion } from './engine-kit';

const h = useEngine();

beforeAll(async () => {
  for (const name of ['job-task', 'io-mappings', 'local-shadow']) await deployFixture(h.zbc, `${name}.bpmn`);
});

/** Starts an instance of a one-task fixture with a fresh job type and activates its job. */
async function startAndActivate(
  bpmnProcessId: string,
  variables: Record<string, unknown> = {},
  fetchVariable?: string[],
) {
  const jobType = unique(bpmnProcessId);
  const instance = await h.zbc.createProcessInstance({ bpmnProcessId, variables: { jobType, ...variables } });
  const job = await activateJob(h.zbc, jobType, { fetchVariable });
  return { instance, job, jobType };
}

/** The root-scope variables of a completed instance, read back from its VARIABLE records. */
async function rootVariables(processInstanceKey: string): Promise<Record<string, unknown>> {
  const root: Record<string, unknown> = {};
  for (const r of await recordsOf(h.engine, processInstanceKey)) {
    if (r.valueType === 'VARIABLE' && String(r.value.scopeKey) === processInstanceKey) {
      root[String(r.value.name)] = JSON.parse(String(r.value.value));
    }
  }
  return root;
}

async function variableWrites(processInstanceKey: string) {
  return (await recordsOf(h.engine, processInstanceKey))
    .filter((r) => r.valueType === 'VARIABLE')
    .map((r) => ({
      intent: r.intent,
      name: r.value.name,
      value: JSON.parse(String(r.value.value)),
      scopeKey: String(r.value.scopeKey),
    }));
}

describe('Variables', () => {
  it('input mappings create locals in order (a later one reads an earlier target; dotted targets; missing source is null)', async () => {
    const { instance, job } = await startAndActivate('io-mappings', { 档案: { 编号: 'H001', 状态: '待核' } });
    expect(job.variables).toEqual({
      jobType: expect.any(String),
      档案: { 编号: 'H001', 状态: '待核' },
      a: 1,
      b: 2,
      地址: { 城市: '杭州' },
      m: null,
    });
    const locals = (await variableWrites(instance.processInstanceKey)).filter(
      (v) => v.scopeKey === job.elementInstanceKey,
    );
    expect(locals.map((v) => v.name).sort()).toEqual(['a', 'b', 'm', '地址']);
  });

  it('with output mappings only the mapped targets reach the process; a dotted target sets only its leaf', async () => {
    const { instance, job } = await startAndActivate('io-mappings', { 档案: { 编号: 'H001', 状态: '待核' } });
    await h.zbc.completeJob({ jobKey: job.key, variables: { 结果值: '已核', 其他: 1 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(instance.processInstanceKey)).toEqual({
      jobType: expect.any(String),
      档案: { 编号: 'H001', 状态: '已核' },
      outB: 2,
    });
  });

  it('without output mappings the whole job result propagates, replacing whole values', async () => {
    const { instance, job } = await startAndActivate('job-task', { 户号: 1, 表计: { 型号: 'A', 倍率: 1 } });
    await h.zbc.completeJob({ jobKey: job.key, variables: { 户号: 2, 电量: 200, 表计: { 倍率: 40 } } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(instance.processInstanceKey)).toEqual({
      jobType: expect.any(String),
      户号: 2,
      电量: 200,
      表计: { 倍率: 40 },
    });
  });

  it('a job result x where the task has a local x updates the local only', async () => {
    const { instance, job } = await startAndActivate('local-shadow', { x: 1 });
    expect(job.variables).toMatchObject({ x: 0 }); // the local hides the root's x
    await h.zbc.completeJob({ jobKey: job.key, variables: { x: 99, y: 5 } });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(instance.processInstanceKey)).toEqual({ jobType: expect.any(String), x: 1, y: 5 });
    const writes = await variableWrites(instance.processInstanceKey);
    expect(writes).toContainEqual({ intent: 'UPDATED', name: 'x', value: 99, scopeKey: job.elementInstanceKey });
  });

  it('SetVariables: local writes into the given scope only, otherwise propagates', async () => {
    const { instance, job } = await startAndActivate('job-task', { 已有: 'old' });
    await h.zbc.setVariables({ elementInstanceKey: job.elementInstanceKey, variables: { 本地: 1 }, local: true });
    await h.zbc.setVariables({
      elementInstanceKey: job.elementInstanceKey,
      variables: { 已有: 'new', 新建: 2 },
      local: false,
    });

    const writes = await variableWrites(instance.processInstanceKey);
    expect(writes).toContainEqual({ intent: 'CREATED', name: '本地', value: 1, scopeKey: job.elementInstanceKey });
    expect(writes).toContainEqual({
      intent: 'UPDATED',
      name: '已有',
      value: 'new',
      scopeKey: instance.processInstanceKey,
    });
    expect(writes).toContainEqual({ intent: 'CREATED', name: '新建', value: 2, scopeKey: instance.processInstanceKey });

    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await rootVariables(instance.processInstanceKey)).toEqual({
      jobType: expect.any(String),
      已有: 'new',
      新建: 2,
    });
  });

  it('SetVariables: NOT_FOUND for an unknown scope, INVALID_ARGUMENT for a document that is not an object', async () => {
    const { job } = await startAndActivate('job-task');
    await expect(
      h.zbc.setVariables({ elementInstanceKey: '2251799813999999', variables: { a: 1 }, local: false }),
    ).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
    const raw = gatewayClient(h.engine);
    try {
      for (const variables of ['[1, 2]', '42', '"text"']) {
        await expect(
          callUnary(raw, 'SetVariables', { elementInstanceKey: job.elementInstanceKey, variables, local: false }),
        ).rejects.toMatchObject({
          code: status.INVALID_ARGUMENT,
        });
      }
    } finally {
      raw.close();
    }
  });

  it('ActivateJobs with fetchVariable hands over only the named variables', async () => {
    const jobType = unique('fetch');
    await h.zbc.createProcessInstance({
      bpmnProcessId: 'job-task',
      variables: { jobType, 户号: 'A01', 电量: 200, 地址: '杭州' },
    });
    const job = await activateJob(h.zbc, jobType, { fetchVariable: ['户号', '电量', '不存在'] });
    expect(job.variables).toEqual({ 户号: 'A01', 电量: 200 });
  });
});

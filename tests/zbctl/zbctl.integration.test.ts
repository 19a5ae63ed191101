/**
 * zbctl (the Go command-line client, npm package `zbctl`) as a second client, independent of @camunda8/sdk: every
 * command runs as a separate process against the real engine, and its output is parsed as a person would read it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { processXml, unique } from '../grpc/grpc-test-clients';
import { readRecords } from '../support/engine-records';
import { runZbctl, ZBCTL, zbctlConnection } from './zbctl-kit';
import { listenerProcessXml } from '../engine/listener-kit';
import { startEngineProcess, type EngineProcess } from '../support/engine-process';

jest.setTimeout(60_000);

const HANDLER = `${process.execPath} ${join(__dirname, 'double-handler.js')}`;

let engine: EngineProcess;
let workDir: string;
const workers: ChildProcess[] = [];

beforeAll(async () => {
  engine = await startEngineProcess();
  workDir = mkdtempSync(join(tmpdir(), 'zbctl-test-'));
});

afterAll(async () => {
  for (const worker of workers) stopWorker(worker);
  await engine?.stop();
});

/** Runs one zbctl command against this file's engine. */
const zbctl = (...args: string[]) => runZbctl(engine, ...args);

/** Runs a zbctl command that must succeed and print JSON; returns the parsed JSON. */
async function zbctlJson<T = Record<string, unknown>>(...args: string[]): Promise<T> {
  const result = await zbctl(...args);
  expect({ args, code: result.code, stderr: result.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
  return JSON.parse(result.stdout) as T;
}

/** Starts `zbctl create worker` in its own process group, so that stopping it also stops the Go binary. */
function startWorker(jobType: string): ChildProcess {
  const worker = spawn(ZBCTL, ['create', 'worker', jobType, '--handler', HANDLER, ...zbctlConnection(engine)], {
    detached: true,
    stdio: 'ignore',
  });
  workers.push(worker);
  return worker;
}

function stopWorker(worker: ChildProcess): void {
  if (worker.exitCode !== null || worker.signalCode !== null || worker.pid === undefined) return;
  try {
    process.kill(-worker.pid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** Writes a BPMN file for zbctl deploy. */
function bpmnFile(name: string, content: Buffer | string): string {
  const path = join(workDir, name);
  writeFileSync(path, content);
  return path;
}

async function deployTaskProcess(jobType: string): Promise<string> {
  const processId = unique('zbctl');
  await zbctlJson('deploy', bpmnFile(`${processId}.bpmn`, processXml(processId, jobType)));
  return processId;
}

interface ActivatedJobs {
  jobs: Array<{
    key: string;
    processInstanceKey: string;
    elementInstanceKey: string;
    elementId: string;
    customHeaders: string;
    variables: string;
    retries: number;
  }>;
}

/** Activates up to 5 jobs; long-polls at most 2 s (zbctl sends its --requestTimeout as the request's). */
const activate = (jobType: string) =>
  zbctlJson<ActivatedJobs>(
    'activate',
    'jobs',
    jobType,
    '--maxJobsToActivate',
    '5',
    '--timeout',
    '1m',
    '--requestTimeout',
    '2s',
  );

const processCompleted = async (processInstanceKey: string, processId: string) =>
  (await readRecords(engine.databaseUrl)).some(
    (r) =>
      r.valueType === 'PROCESS_INSTANCE' &&
      r.intent === 'ELEMENT_COMPLETED' &&
      String(r.processInstanceKey) === processInstanceKey &&
      (JSON.parse(r.value) as { elementId: string }).elementId === processId,
  );

describe('zbctl against the engine', () => {
  it('status shows one healthy leader partition', async () => {
    const { code, stdout } = await zbctl('status');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Cluster size: 1/);
    expect(stdout).toMatch(/Partition 1 : Leader, Healthy/);
    expect(stdout).toMatch(/Gateway version: \S+/);
  });

  it('deploys a file and prints the deployment as JSON', async () => {
    const processId = unique('zbctl-deploy');
    const file = bpmnFile('order.bpmn', processXml(processId, 'x'));
    const deployment = await zbctlJson<{ key: string; processes: Array<Record<string, unknown>> }>('deploy', file);
    expect(deployment.key).toMatch(/^\d+$/);
    expect(deployment.processes).toEqual([
      expect.objectContaining({
        bpmnProcessId: processId,
        version: 1,
        processDefinitionKey: expect.stringMatching(/^\d+$/),
      }),
    ]);
  });

  it('reports a broken file with the gRPC status and the engine message', async () => {
    const { code, stderr } = await zbctl('deploy', bpmnFile('broken.bpmn', '<bpmn:definitions'));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/InvalidArgument/);
    expect(stderr).toMatch(/broken\.bpmn/);
  });

  it('creates an instance with variables; the job carries them; complete job finishes it', async () => {
    const jobType = unique('zbctl-job');
    const processId = await deployTaskProcess(jobType);
    const instance = await zbctlJson<{ processInstanceKey: string; bpmnProcessId: string; version: number }>(
      'create',
      'instance',
      processId,
      '--variables',
      '{"客户":"张三","amount":12.5}',
    );
    expect(instance).toMatchObject({
      bpmnProcessId: processId,
      version: 1,
      processInstanceKey: expect.stringMatching(/^\d+$/),
    });

    const { jobs } = await activate(jobType);
    expect(jobs).toHaveLength(1);
    expect(jobs[0].processInstanceKey).toBe(instance.processInstanceKey);
    expect(JSON.parse(jobs[0].variables)).toEqual({ 客户: '张三', amount: 12.5 });

    const completed = await zbctl('complete', 'job', jobs[0].key, '--variables', '{"approved":true}');
    expect(completed.code).toBe(0);
    expect(completed.stdout).toContain(jobs[0].key);
    expect(await processCompleted(instance.processInstanceKey, processId)).toBe(true);

    const again = await zbctl('complete', 'job', jobs[0].key);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/NotFound/);
    expect(again.stderr).toContain(jobs[0].key);
  });

  it('create instance --withResult returns the variables a `create worker` handler produced', async () => {
    const jobType = unique('zbctl-worker');
    const processId = await deployTaskProcess(jobType);
    const worker = startWorker(jobType);
    try {
      const result = await zbctlJson<{ processInstanceKey: string; variables: string }>(
        'create',
        'instance',
        processId,
        '--withResult',
        '--variables',
        '{"n":21}',
        '--requestTimeout',
        '15s',
      );
      expect(JSON.parse(result.variables)).toEqual({ n: 21, doubled: 42, handledBy: 'zbctl-handler' });
    } finally {
      stopWorker(worker);
    }
  });

  it('fail job with no retries raises an incident; update retries + resolve incident make the job activatable again', async () => {
    const jobType = unique('zbctl-fail');
    const processId = await deployTaskProcess(jobType);
    const instance = await zbctlJson<{ processInstanceKey: string }>('create', 'instance', processId);
    const [job] = (await activate(jobType)).jobs;

    const failed = await zbctl('fail', 'job', job.key, '--retries', '0', '--errorMessage', 'meter service down');
    expect(failed.code).toBe(0);
    const incident = (await readRecords(engine.databaseUrl)).find(
      (r) =>
        r.valueType === 'INCIDENT' &&
        r.intent === 'CREATED' &&
        String(r.processInstanceKey) === instance.processInstanceKey,
    );
    expect(incident).toBeDefined();
    expect(JSON.parse(incident!.value)).toMatchObject({
      errorType: 'JOB_NO_RETRIES',
      errorMessage: 'meter service down',
    });

    // Nothing to activate while the incident is open.
    expect((await activate(jobType)).jobs).toEqual([]);
    expect((await zbctl('update', 'retries', job.key, '--retries', '2')).code).toBe(0);
    const resolved = await zbctl('resolve', 'incident', String(incident!.key));
    expect(resolved.code).toBe(0);
    const { jobs } = await activate(jobType);
    expect(jobs).toEqual([expect.objectContaining({ key: job.key, retries: 2 })]);

    const unknown = await zbctl('resolve', 'incident', String(incident!.key));
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/NotFound/);
  });

  it('fail job with retries left hands the job out again', async () => {
    const jobType = unique('zbctl-retry');
    await zbctlJson('create', 'instance', await deployTaskProcess(jobType));
    const [job] = (await activate(jobType)).jobs;
    expect((await zbctl('fail', 'job', job.key, '--retries', '1', '--errorMessage', 'try again')).code).toBe(0);
    expect((await activate(jobType)).jobs).toEqual([expect.objectContaining({ key: job.key, retries: 1 })]);
  });

  it('set variables changes what the next activation sees', async () => {
    const jobType = unique('zbctl-vars');
    const instance = await zbctlJson<{ processInstanceKey: string }>(
      'create',
      'instance',
      await deployTaskProcess(jobType),
      '--variables',
      '{"a":1}',
    );
    const set = await zbctl('set', 'variables', instance.processInstanceKey, '--variables', '{"a":2,"b":"电"}');
    expect(set.code).toBe(0);
    const { jobs } = await activate(jobType);
    expect(JSON.parse(jobs[0].variables)).toEqual({ a: 2, b: '电' });

    const unknown = await zbctl('set', 'variables', '2251799813999999', '--variables', '{"a":1}');
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toMatch(/NotFound/);
  });

  it('cancel instance ends it; its job is gone; a second cancel is NOT_FOUND', async () => {
    const jobType = unique('zbctl-cancel');
    const instance = await zbctlJson<{ processInstanceKey: string }>(
      'create',
      'instance',
      await deployTaskProcess(jobType),
    );
    const cancelled = await zbctl('cancel', 'instance', instance.processInstanceKey);
    expect(cancelled.code).toBe(0);
    expect(cancelled.stdout).toContain(instance.processInstanceKey);
    expect((await activate(jobType)).jobs).toEqual([]);
    const again = await zbctl('cancel', 'instance', instance.processInstanceKey);
    expect(again.code).not.toBe(0);
    expect(again.stderr).toMatch(/NotFound/);
  });

  it('activates and completes an execution listener job and a task listener job like any other job', async () => {
    const types = { start: unique('zbctl-el'), work: unique('zbctl-work'), creating: unique('zbctl-tl') };
    const processId = unique('zbctl-listeners');
    await zbctlJson('deploy', bpmnFile(`${processId}.bpmn`, listenerProcessXml(processId, types)));
    const instance = await zbctlJson<{ processInstanceKey: string }>('create', 'instance', processId);

    // zbctl's proto has no job kind: a listener job is a job of the listener's type, on the element it holds up.
    const [listenerJob] = (await activate(types.start)).jobs;
    expect(listenerJob).toMatchObject({ processInstanceKey: instance.processInstanceKey, elementId: 'svc' });
    expect((await activate(types.work)).jobs).toEqual([]); // the element's own job waits for the listener
    expect((await zbctl('complete', 'job', listenerJob.key, '--variables', '{"checked":true}')).code).toBe(0);
    const [workJob] = (await activate(types.work)).jobs;
    expect(JSON.parse(workJob.variables)).toEqual({ checked: true }); // a start listener's variables are the task's
    expect((await zbctl('complete', 'job', workJob.key)).code).toBe(0);

    const [taskListenerJob] = (await activate(types.creating)).jobs;
    expect(JSON.parse(taskListenerJob.customHeaders)).toMatchObject({
      'io.camunda.zeebe:assignee': 'anna',
      'io.camunda.zeebe:userTaskKey': expect.stringMatching(/^\d+$/),
    });
    const withVariables = await zbctl('complete', 'job', taskListenerJob.key, '--variables', '{"x":1}');
    expect(withVariables.code).not.toBe(0);
    expect(withVariables.stderr).toMatch(/InvalidArgument/);
    expect(withVariables.stderr).toContain('without variables');
    expect((await zbctl('complete', 'job', taskListenerJob.key)).code).toBe(0);
    const taskIntents = (await readRecords(engine.databaseUrl))
      .filter((r) => r.valueType === 'USER_TASK' && String(r.processInstanceKey) === instance.processInstanceKey)
      .map((r) => r.intent);
    expect(taskIntents).toEqual(['CREATING', 'CREATED', 'ASSIGNING', 'ASSIGNED']);
  });

  it('create instance of an unknown process id fails with NOT_FOUND', async () => {
    const { code, stderr } = await zbctl('create', 'instance', unique('nope'));
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/NotFound/);
  });

  it('publish message: the engine accepts it and returns a key', async () => {
    // The brief expected UNIMPLEMENTED; the engine has since implemented PublishMessage.
    const published = await zbctlJson<{ key: string }>(
      'publish',
      'message',
      unique('msg'),
      '--correlationKey',
      'order-1',
      '--variables',
      '{"paid":true}',
    );
    expect(published.key).toMatch(/^\d+$/);
  });

  it('evaluating a decision that is not deployed fails with NotFound naming it', async () => {
    const { code, stderr } = await zbctl('evaluate', 'decision', 'some-decision');
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/NotFound/);
    expect(stderr).toMatch(/no decision found for id 'some-decision'/);
  });
});

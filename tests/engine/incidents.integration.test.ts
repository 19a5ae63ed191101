/**
 * Incidents (docs/zeebe-rules.md §4): raised where the instance is stuck, resolved by fixing the cause, and raised
 * again when the retried step still fails.
 */
import { status } from '@grpc/grpc-js';
import {
  activateJob,
  completedElements,
  deployFixture,
  instanceCompleted,
  openIncidents,
  recordsOf,
  unique,
  useEngine,
  waitForCompletion,
  waitForIncident,
} from './engine-kit';
import { waitFor } from '../support/wait-for';

const h = useEngine();

beforeAll(async () => {
  await deployFixture(h.zbc, 'job-task.bpmn');
  await deployFixture(h.zbc, 'exclusive-no-default.bpmn');
});

describe('Incidents', () => {
  it('a job type expression that gives null: EXTRACT_VALUE_ERROR; set the variable, resolve, and the job is created', async () => {
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: 'job-task', variables: {} });
    const incident = await waitForIncident(h.engine, instance.processInstanceKey);
    expect(incident).toMatchObject({ errorType: 'EXTRACT_VALUE_ERROR', elementId: 'task' });
    expect(incident.errorMessage).toMatch(/NULL|null/);

    const jobType = unique('late-type');
    await h.zbc.setVariables({ elementInstanceKey: instance.processInstanceKey, variables: { jobType }, local: false });
    await h.zbc.resolveIncident({ incidentKey: incident.key });
    const job = await activateJob(h.zbc, jobType);
    await h.zbc.completeJob({ jobKey: job.key, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'task',
      'end',
      'job-task',
    ]);
  });

  it('resolving without fixing the cause retries the step and raises a new incident', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'exclusive-no-default',
      variables: { 类别: '未知' },
    });
    const first = await waitForIncident(h.engine, instance.processInstanceKey);
    await h.zbc.resolveIncident({ incidentKey: first.key });
    const second = await waitFor(async () =>
      (await openIncidents(h.engine, instance.processInstanceKey)).find((i) => i.key !== first.key),
    );
    expect(second).toMatchObject({ errorType: 'CONDITION_ERROR', elementId: 'route' });
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toHaveLength(1);
    expect(await instanceCompleted(h.engine, instance.processInstanceKey)).toBe(false);
  });

  it('ResolveIncident with an unknown key: NOT_FOUND', async () => {
    await expect(h.zbc.resolveIncident({ incidentKey: '2251799813999999' })).rejects.toMatchObject({
      code: status.NOT_FOUND,
    });
  });

  it('cancelling an instance resolves its open incidents', async () => {
    const instance = await h.zbc.createProcessInstance({
      bpmnProcessId: 'exclusive-no-default',
      variables: { 类别: '未知' },
    });
    await waitForIncident(h.engine, instance.processInstanceKey);
    await h.zbc.cancelProcessInstance(instance.processInstanceKey);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
    const intents = (await recordsOf(h.engine, instance.processInstanceKey))
      .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.value.bpmnElementType === 'PROCESS')
      .map((r) => r.intent);
    expect(intents.slice(-2)).toEqual(['ELEMENT_TERMINATING', 'ELEMENT_TERMINATED']);
  });
});

/**
 * ModifyProcessInstance activating inside a flow scope that has no active instance: the engine creates the scope
 * (and those above it up to an active one, or below a named ancestor), which enters as it always does — input
 * mappings applied, boundary events subscribed — without taking its start event; variable instructions for a scope
 * being created land on it. Through @camunda8/sdk's gRPC client, as an operator's tool calls it.
 */
import { recordsOf, unique, useEngine } from './engine-kit';
import {
  activations,
  boundaryEvent,
  bpmn,
  chain,
  deploy,
  elementInstanceKey,
  endEvent,
  extensions,
  ioMapping,
  message,
  messageDefinition,
  scopeVariables,
  serviceTask,
  startEvent,
} from '../events/event-kit';
import { waitFor } from '../support/wait-for';

const harness = useEngine();

/** first → sub [subStart → inner → inner2 → subEnd] (input local = 42; message boundary "stop") → end. */
function subprocessModel(processId: string): Buffer {
  return bpmn(
    processId,
    `${startEvent()}${serviceTask('first', `${processId}-first`)}
    <bpmn:subProcess id="sub">
      ${extensions(ioMapping({ local: '=42' }))}
      ${startEvent('subStart')}${serviceTask('inner', `${processId}-inner`)}${serviceTask('inner2', `${processId}-inner2`)}${endEvent('subEnd')}
      ${chain('subStart', 'inner', 'inner2', 'subEnd')}
    </bpmn:subProcess>
    ${boundaryEvent('stop', 'sub', messageDefinition('stopMessage'))}${endEvent('stopped')}
    <bpmn:subProcess id="mi">
      <bpmn:multiInstanceLoopCharacteristics>
        ${extensions('<zeebe:loopCharacteristics inputCollection="=[1,2]" inputElement="item" />')}
      </bpmn:multiInstanceLoopCharacteristics>
      ${startEvent('miStart')}${serviceTask('miTask', `${processId}-mi`)}${chain('miStart', 'miTask')}
    </bpmn:subProcess>
    ${endEvent()}
    ${chain('start', 'first', 'sub', 'mi', 'end')}${chain('stop', 'stopped')}`,
    message('stopMessage', `${processId}-stop`, '=orderId'),
  );
}

async function startAtFirst(processId: string): Promise<string> {
  const { processInstanceKey } = await harness.zbc.createProcessInstance({
    bpmnProcessId: processId,
    variables: { orderId: `${processId}-order` },
  });
  await waitFor(async () => (await activations(harness.engine, processInstanceKey, 'first')) === 1 || undefined, {
    description: 'the first task active',
  });
  return processInstanceKey;
}

/** The element instances activated in an instance, by element id, with their keys and flow scopes. */
async function activated(processInstanceKey: string) {
  return (await recordsOf(harness.engine, processInstanceKey))
    .filter((r) => r.valueType === 'PROCESS_INSTANCE' && r.intent === 'ELEMENT_ACTIVATED')
    .map((r) => ({
      key: String(r.key),
      elementId: String(r.value.elementId),
      flowScopeKey: String(r.value.flowScopeKey),
    }));
}

async function completeJobs(jobType: string, count: number): Promise<void> {
  let done = 0;
  await waitFor(
    async () => {
      const jobs = await harness.zbc.activateJobs({
        type: jobType,
        maxJobsToActivate: count,
        timeout: 60_000,
        worker: 'test',
        requestTimeout: 500,
      });
      for (const job of jobs) {
        await harness.zbc.completeJob({ jobKey: job.key, variables: {} });
        done++;
      }
      return done >= count || undefined;
    },
    { description: `${count} ${jobType} jobs completed` },
  );
}

describe('activating an element whose flow scope has no active instance', () => {
  it('creates the subprocess without its start event, with its input mappings and boundary subscription, and runs on', async () => {
    const processId = unique('modify-create-scope');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);
    const firstKey = (await elementInstanceKey(harness.engine, instance, 'first'))!;

    await harness.zbc.modifyProcessInstance({
      processInstanceKey: instance,
      activateInstructions: [{ elementId: 'inner2', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      terminateInstructions: [{ elementInstanceKey: firstKey }],
    });

    const elements = await waitFor(async () => {
      const found = await activated(instance);
      return found.some((e) => e.elementId === 'inner2') ? found : undefined;
    });
    const sub = elements.find((e) => e.elementId === 'sub')!;
    expect(sub.flowScopeKey).toBe(instance);
    expect(elements.find((e) => e.elementId === 'inner2')!.flowScopeKey).toBe(sub.key);
    expect(elements.map((e) => e.elementId)).not.toContain('subStart');
    expect(elements.map((e) => e.elementId)).not.toContain('inner');
    expect(await scopeVariables(harness.engine, instance, sub.key)).toEqual({ local: 42 });
    const records = await recordsOf(harness.engine, instance);
    expect(
      records.some(
        (r) =>
          r.valueType === 'PROCESS_MESSAGE_SUBSCRIPTION' &&
          r.intent === 'CREATED' &&
          r.value.name === `${processId}-stop` &&
          String(r.value.elementInstanceKey) === sub.key,
      ),
    ).toBe(true);

    // The new scope behaves as any other: its last task completes it, and the process flows on.
    await completeJobs(`${processId}-inner2`, 1);
    await waitFor(async () => (await activations(harness.engine, instance, 'mi')) >= 1 || undefined, {
      description: 'the subprocess completed and the flow went on',
    });
  });

  it('sets variable instructions for the created scope on the new instance, before its input mappings', async () => {
    const processId = unique('modify-scope-variables');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);

    await harness.zbc.modifyProcessInstance({
      processInstanceKey: instance,
      activateInstructions: [
        {
          elementId: 'inner',
          ancestorElementInstanceKey: '-1',
          variableInstructions: [
            { scopeId: 'sub', variables: { given: 'by the operator', local: 1 } },
            { scopeId: '', variables: { globalOne: true } },
          ],
        },
      ],
    });
    const subKey = await waitFor(() => elementInstanceKey(harness.engine, instance, 'sub'));
    const subScope = await waitFor(async () => {
      const found = await scopeVariables(harness.engine, instance, subKey);
      return found.local === 42 ? found : undefined;
    });
    // The input mapping runs after the instruction's variables, so its value wins for `local`.
    expect(subScope).toEqual({ given: 'by the operator', local: 42 });
    expect((await scopeVariables(harness.engine, instance, instance)).globalOne).toBe(true);
  });

  it('shares one new scope between instructions into the same missing subprocess', async () => {
    const processId = unique('modify-shared-scope');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);

    await harness.zbc.modifyProcessInstance({
      processInstanceKey: instance,
      activateInstructions: [
        { elementId: 'inner', ancestorElementInstanceKey: '-1', variableInstructions: [] },
        { elementId: 'inner2', ancestorElementInstanceKey: '-1', variableInstructions: [] },
      ],
    });
    const elements = await waitFor(async () => {
      const found = await activated(instance);
      return found.some((e) => e.elementId === 'inner') && found.some((e) => e.elementId === 'inner2')
        ? found
        : undefined;
    });
    const subs = elements.filter((e) => e.elementId === 'sub');
    expect(subs).toHaveLength(1);
    expect(
      elements
        .filter((e) => e.flowScopeKey === subs[0].key)
        .map((e) => e.elementId)
        .sort(),
    ).toEqual(['inner', 'inner2']);
  });

  it('creates a second instance of an active subprocess when the process instance is named as the ancestor', async () => {
    const processId = unique('modify-ancestor-above');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);
    await completeJobs(`${processId}-first`, 1);
    await waitFor(async () => (await activations(harness.engine, instance, 'inner')) === 1 || undefined);

    // Without an ancestor the element goes into the one active subprocess...
    await harness.zbc.modifyProcessInstance({
      processInstanceKey: instance,
      activateInstructions: [{ elementId: 'inner2', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
    });
    // ...with the process instance as the ancestor, into a new one.
    await harness.zbc.modifyProcessInstance({
      processInstanceKey: instance,
      activateInstructions: [{ elementId: 'inner2', ancestorElementInstanceKey: instance, variableInstructions: [] }],
    });
    const elements = await waitFor(async () => {
      const found = await activated(instance);
      return found.filter((e) => e.elementId === 'inner2').length === 2 ? found : undefined;
    });
    const subs = elements.filter((e) => e.elementId === 'sub');
    expect(subs).toHaveLength(2);
    const [first, second] = elements.filter((e) => e.elementId === 'inner2');
    expect(first.flowScopeKey).toBe(subs[0].key);
    expect(second.flowScopeKey).toBe(subs[1].key);
    expect(await activations(harness.engine, instance, 'subStart')).toBe(1);
  });

  it('refuses to create a multi-instance scope, saying why, and changes nothing', async () => {
    const processId = unique('modify-mi-refused');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);
    await expect(
      harness.zbc.modifyProcessInstance({
        processInstanceKey: instance,
        activateInstructions: [{ elementId: 'miTask', ancestorElementInstanceKey: '-1', variableInstructions: [] }],
      }),
    ).rejects.toThrow(/flow scope 'mi' has no active instance and is a multi-instance element/);
    expect(await activations(harness.engine, instance, 'mi')).toBe(0);
  });

  it('refuses an ancestor that is not a scope containing the element', async () => {
    const processId = unique('modify-wrong-ancestor');
    await deploy(harness.zbc, processId, subprocessModel(processId));
    const instance = await startAtFirst(processId);
    const firstKey = (await elementInstanceKey(harness.engine, instance, 'first'))!;
    await expect(
      harness.zbc.modifyProcessInstance({
        processInstanceKey: instance,
        activateInstructions: [{ elementId: 'inner', ancestorElementInstanceKey: firstKey, variableInstructions: [] }],
      }),
    ).rejects.toThrow(/not an active instance of a scope that contains 'inner'/);
  });
});

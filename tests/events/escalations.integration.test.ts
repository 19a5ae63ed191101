/**
 * Escalations (docs/zeebe-rules.md §8.4): thrown by intermediate throw or end events, caught in the nearest enclosing
 * scope; non-interrupting catches let both flows go on, interrupting ones end the scope; uncaught is no incident.
 */
import {
  activatedElements,
  completedElements,
  openIncidents,
  recordsOf,
  terminatedElements,
  unique,
  useEngine,
  waitForCompletion,
} from '../engine/engine-kit';
import {
  bpmn,
  boundaryEvent,
  chain,
  deploy,
  endEvent,
  escalationDefinition,
  eventSubProcess,
  flow,
  startEvent,
  throwEvent,
} from './event-kit';

const h = useEngine();

const escalations =
  '<bpmn:escalation id="esc" escalationCode="ESC1" /><bpmn:escalation id="other" escalationCode="ESC2" />';

/** start → sub (subStart → raise (throw ESC1) → subEnd) → end, plus whatever catches it. */
async function deploySubWithThrow(catcher: string) {
  const processId = unique('esc');
  await deploy(
    h.zbc,
    processId,
    bpmn(
      processId,
      `${startEvent()}
      <bpmn:subProcess id="sub">
        ${startEvent('subStart')}${throwEvent('raise', escalationDefinition('esc'))}${endEvent('subEnd')}
        ${chain('subStart', 'raise', 'subEnd')}
      </bpmn:subProcess>
      ${endEvent()}${chain('start', 'sub', 'end')}${catcher}`,
      escalations,
    ),
  );
  return processId;
}

describe('Escalations', () => {
  it('a non-interrupting escalation boundary event on the enclosing subprocess: both the thrower’s and the catcher’s flows are taken', async () => {
    const processId = await deploySubWithThrow(
      `${boundaryEvent('onEsc', 'sub', escalationDefinition('esc'), { interrupting: false })}${endEvent('escalated')}${flow('onEsc', 'escalated')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect([...completed].sort()).toEqual(
      ['start', 'subStart', 'raise', 'subEnd', 'sub', 'end', 'onEsc', 'escalated', processId].sort(),
    );
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
    expect(completed[completed.length - 1]).toBe(processId);
  });

  it('an interrupting escalation boundary event terminates the subprocess; the thrower’s flow is not taken', async () => {
    const processId = await deploySubWithThrow(
      `${boundaryEvent('onEsc', 'sub', escalationDefinition('esc'))}${endEvent('escalated')}${flow('onEsc', 'escalated')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      expect.arrayContaining(['raise', 'sub']),
    );
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'onEsc',
      'escalated',
      processId,
    ]);
    const activated = await activatedElements(h.engine, instance.processInstanceKey);
    expect(activated).not.toContain('subEnd');
    expect(activated).not.toContain('end');
  });

  it('an escalation event subprocess in the enclosing scope catches it (non-interrupting: the thrower goes on)', async () => {
    const processId = await deploySubWithThrow(
      eventSubProcess(
        'onEsc',
        escalationDefinition('esc'),
        `${endEvent('espEnd')}${flow('onEscStart', 'espEnd')}`,
        false,
      ),
    );
    // the event subprocess above sits in the process; the thrower is in `sub`, so the search goes outward to it
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect(completed).toEqual(
      expect.arrayContaining(['raise', 'subEnd', 'sub', 'end', 'onEscStart', 'espEnd', 'onEsc']),
    );
    expect(completed[completed.length - 1]).toBe(processId);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual([]);
  });

  it('an interrupting escalation event subprocess terminates the rest of its scope', async () => {
    const processId = await deploySubWithThrow(
      eventSubProcess('onEsc', escalationDefinition('esc'), `${endEvent('espEnd')}${flow('onEscStart', 'espEnd')}`),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await terminatedElements(h.engine, instance.processInstanceKey)).toEqual(
      expect.arrayContaining(['raise', 'sub']),
    );
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'onEscStart',
      'espEnd',
      'onEsc',
      processId,
    ]);
  });

  it('an uncaught escalation raises no incident: the instance goes on and completes', async () => {
    // the only catcher waits for another code
    const processId = await deploySubWithThrow(
      `${boundaryEvent('onOther', 'sub', escalationDefinition('other'))}${endEvent('escalated')}${flow('onOther', 'escalated')}`,
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    expect(await completedElements(h.engine, instance.processInstanceKey)).toEqual([
      'start',
      'subStart',
      'raise',
      'subEnd',
      'sub',
      'end',
      processId,
    ]);
    expect(await openIncidents(h.engine, instance.processInstanceKey)).toEqual([]);
    const records = await recordsOf(h.engine, instance.processInstanceKey);
    expect(records.some((r) => r.valueType === 'INCIDENT')).toBe(false);
  });

  it('an escalation end event in a subprocess with a non-interrupting boundary: the subprocess completes and both flows go on', async () => {
    const processId = unique('esc-end');
    await deploy(
      h.zbc,
      processId,
      bpmn(
        processId,
        `${startEvent()}
        <bpmn:subProcess id="sub">${startEvent('subStart')}${endEvent('subEnd', escalationDefinition('esc'))}${flow('subStart', 'subEnd')}</bpmn:subProcess>
        ${endEvent()}${boundaryEvent('onEsc', 'sub', escalationDefinition(), { interrupting: false })}${endEvent('escalated')}
        ${chain('start', 'sub', 'end')}${flow('onEsc', 'escalated')}`,
        escalations,
      ),
    );
    const instance = await h.zbc.createProcessInstance({ bpmnProcessId: processId, variables: {} });
    await waitForCompletion(h.engine, instance.processInstanceKey);
    const completed = await completedElements(h.engine, instance.processInstanceKey);
    expect([...completed].sort()).toEqual(
      ['start', 'subStart', 'subEnd', 'sub', 'end', 'onEsc', 'escalated', processId].sort(),
    );
    expect(completed[completed.length - 1]).toBe(processId);
  });
});

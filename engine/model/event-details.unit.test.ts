import { readFileSync } from 'fs';
import { join } from 'path';
import { transformBpmn } from './bpmn-transformer';
import type { ExecutableElement, ExecutableProcess } from './executable-model';
import { EVERYTHING } from './fixtures/features';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

describe('transformBpmn: event details', () => {
  let process: ExecutableProcess;
  const element = (id: string): ExecutableElement => {
    const found = process.elements.get(id);
    if (!found) throw new Error(`no element ${id}`);
    return found;
  };

  beforeAll(async () => {
    [process] = await transformBpmn('events.bpmn', fixture('valid-events.bpmn'), { supported: EVERYTHING });
  });

  it('reads messages: static or expression names, correlation keys without the leading =', () => {
    expect(element('msgStart').message).toEqual({ name: { kind: 'static', value: 'order-placed' } });
    expect(element('waitPayment').message).toEqual({
      name: { kind: 'expression', expression: '"payment-" + region' },
      correlationKey: 'orderId',
    });
    expect(element('payCancel').message).toEqual({
      name: { kind: 'static', value: 'cancel' },
      correlationKey: 'orderId',
    });
    expect(element('receive').message?.correlationKey).toBe('orderId');
    expect(element('onMessageStart').message?.name).toEqual({ kind: 'static', value: 'cancel' });
    expect(element('throwMessage').message?.name).toEqual({ kind: 'static', value: 'notify' });
  });

  it('fills the job of message throw and end events and send tasks', () => {
    expect(element('throwMessage').job).toEqual({
      type: { kind: 'static', value: 'publish' },
      retries: { kind: 'static', value: '5' },
      headers: {},
    });
    expect(element('endMessage').job?.type).toEqual({ kind: 'static', value: 'publish' });
    expect(element('send').job?.type).toEqual({ kind: 'static', value: 'send-mail' });
  });

  it('reads timers with their kind', () => {
    expect(element('timerStart').timer).toEqual({
      kind: 'cycle',
      value: { kind: 'static', value: 'R3/2026-01-01T00:00:00Z/PT1H' },
    });
    expect(element('payTimeout').timer).toEqual({ kind: 'duration', value: { kind: 'static', value: 'PT15M' } });
    expect(element('waitTimer').timer?.kind).toBe('date');
    expect(element('onTimerStart').timer).toEqual({
      kind: 'cycle',
      value: { kind: 'expression', expression: 'cycle(3, duration("PT1H"))' },
    });
  });

  it('reads error and escalation codes; no reference or no code is a catch-all', () => {
    expect(element('payError').error).toEqual({ errorCode: { kind: 'static', value: 'PAYMENT_FAILED' } });
    expect(element('payAnyError').error).toEqual({ errorCode: undefined });
    expect(element('endError').error).toEqual({ errorCode: { kind: 'expression', expression: 'errorCodeVar' } });
    expect(element('onErrorStart').error?.errorCode).toEqual({ kind: 'static', value: 'PAYMENT_FAILED' });
    expect(element('throwEscalation').escalation).toEqual({ escalationCode: { kind: 'static', value: 'LATE' } });
    expect(element('endEscalation').escalation?.escalationCode).toEqual({ kind: 'static', value: 'LATE' });
  });

  it('reads signals and links', () => {
    for (const id of ['signalStart', 'waitSignal', 'throwSignal', 'endSignal']) {
      expect(element(id).signal).toEqual({ name: { kind: 'static', value: 'stop-all' } });
    }
    expect(element('linkThrow').link).toEqual({ name: 'toEnd' });
    expect(element('linkCatch').link).toEqual({ name: 'toEnd' });
  });

  it('reads compensation throw events, boundary handlers and compensation activities', () => {
    expect(element('throwCompensation').compensation).toEqual({ activityRef: 'pay', waitForCompletion: false });
    expect(element('endCompensate').compensation).toEqual({ activityRef: undefined, waitForCompletion: true });
    expect(element('payCompensate').compensationHandlerId).toBe('refund');
    expect(element('refund').isForCompensation).toBe(true);
    expect(element('pay').isForCompensation).toBeUndefined();
  });

  it('lists boundary events of activities in XML order', () => {
    expect(element('pay').boundaryEventIds).toEqual([
      'payTimeout',
      'payError',
      'payAnyError',
      'payReminder',
      'payCancel',
      'payCompensate',
    ]);
    expect(element('refund').boundaryEventIds).toEqual([]);
    expect(element('sub').boundaryEventIds).toEqual([]);
    expect(element('payReminder')).toMatchObject({ attachedToId: 'pay', cancelActivity: false });
  });

  it('links containers to their event subprocesses and those to their start event', () => {
    expect(element('events').eventSubProcessIds).toEqual(['onError', 'onTimer', 'onMessage']);
    expect(element('sub').eventSubProcessIds).toEqual(['subEvents']);
    expect(element('onError').eventSubProcessIds).toEqual([]);
    expect(element('onError').startEventId).toBe('onErrorStart');
    expect(element('subEvents').startEventId).toBe('subEventsStart');
    expect(element('onErrorStart').interrupting).toBe(true);
    expect(element('onTimerStart').interrupting).toBe(false);
    expect(element('subEventsStart').interrupting).toBe(false);
    expect(element('msgStart').interrupting).toBeUndefined();
  });

  it('lists the targets of an event-based gateway and the triggered start events of the process', () => {
    expect(element('gw').targetEventIds).toEqual(['waitPayment', 'waitTimer', 'waitSignal']);
    expect(element('events')).toMatchObject({
      noneStartEventId: 'start',
      messageStartEventIds: ['msgStart'],
      timerStartEventIds: ['timerStart'],
      signalStartEventIds: ['signalStart'],
    });
  });
});

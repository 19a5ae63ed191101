import { readFileSync } from 'fs';
import { join } from 'path';
import { transformBpmn } from './bpmn-transformer';
import { BASELINE, EVERYTHING } from './fixtures/features';
import { ModelValidationError, type ModelProblem } from './model-validation-error';

const fixture = (name: string) => readFileSync(join(__dirname, 'fixtures', name), 'utf8');

/** The problems of a fixture, with every element kind enabled so that only the event rules speak. */
async function problemsOf(name: string): Promise<string[]> {
  try {
    await transformBpmn(name, fixture(name), { supported: EVERYTHING });
  } catch (error) {
    expect(error).toBeInstanceOf(ModelValidationError);
    return (error as ModelValidationError).problems.map((p: ModelProblem) => `${p.elementId}: ${p.message}`);
  }
  throw new Error('expected a ModelValidationError');
}

describe('transformBpmn: event validation', () => {
  it('accepts a model using every event detail', async () => {
    await expect(
      transformBpmn('events.bpmn', fixture('valid-events.bpmn'), { supported: EVERYTHING }),
    ).resolves.toHaveLength(1);
  });

  it('needs message names and correlation keys where a subscription opens, and signal names', async () => {
    expect(await problemsOf('invalid-messages.bpmn')).toEqual([
      'throwNoJob: a message intermediate throw event needs a job type (zeebe:taskDefinition type)',
      'catchNoMessage: a message intermediate catch event needs a message with a name (a messageRef to a bpmn:message with a name)',
      'catchNoMessage: a message intermediate catch event needs a correlation key (zeebe:subscription correlationKey on its message)',
      'catchNoKey: a message intermediate catch event needs a correlation key (zeebe:subscription correlationKey on its message)',
      'receiveEmptyName: the message name of a receive task is empty',
      'receiveNoName: a receive task needs a message with a name (a messageRef to a bpmn:message with a name)',
      'receiveNoName: a receive task needs a correlation key (zeebe:subscription correlationKey on its message)',
      'boundaryNoKey: a message boundary event needs a correlation key (zeebe:subscription correlationKey on its message)',
      'eventSubStartNoKey: a message start event needs a correlation key (zeebe:subscription correlationKey on its message)',
      'signalEmpty: the signal name of a signal intermediate catch event is empty',
      'signalNone: a signal end event needs a signal with a name (a signalRef to a bpmn:signal with a name)',
      "badKey: the correlation key 'order.(' is not a valid FEEL expression: unexpected '(' at position 7",
    ]);
  });

  it('needs a timer definition of a kind the position allows, with a value that parses', async () => {
    expect(await problemsOf('invalid-timers.bpmn')).toEqual([
      'twoKinds: a timer may have only one of timeDate, timeDuration and timeCycle, but has timeDate and timeDuration',
      'durationStart: a timer start event cannot have a timeDuration; allowed: timeDate or timeCycle',
      "badCycleStart: the timeCycle 'every hour' of a timer start event is not valid; expected a repeating interval such as R5/PT10S, or a cron expression such as 0 0 9-17 * * MON-FRI",
      'noDefinition: a timer intermediate catch event needs a timer definition (timeDate, timeDuration or timeCycle)',
      'cycleCatch: a timer intermediate catch event cannot have a timeCycle; allowed: timeDuration or timeDate',
      "badDuration: the timeDuration '1 hour' of a timer intermediate catch event is not valid; expected an ISO 8601 duration such as PT15M or P1DT2H",
      "badDate: the timeDate '2026-02-30T10:00:00Z' of a timer intermediate catch event is not valid; expected an ISO 8601 date-time such as 2026-01-01T09:00:00Z",
      'emptyDuration: the timeDuration of a timer intermediate catch event is empty',
      'interruptingCycle: a timer boundary event cannot have a timeCycle; allowed: timeDuration or timeDate',
      "fiveFieldCron: the timeCycle '0 9 * * *' of a timer boundary event is not valid; expected a repeating interval such as R5/PT10S, or a cron expression such as 0 0 9-17 * * MON-FRI",
      expect.stringMatching(/^badExpression: the timer 'duration\(' is not a valid FEEL expression: /),
    ]);
  });

  it('needs at least two outgoing flows from an event-based gateway, each to a message, timer or signal catch', async () => {
    expect(await problemsOf('invalid-event-gateways.bpmn')).toEqual([
      'lonely: an event-based gateway needs at least 2 outgoing flows, but has 1',
      "mixed: the outgoing flow 'x2' of an event-based gateway leads to 'task', which is not a message, timer or signal intermediate catch event",
      "mixed: the outgoing flow 'x3' of an event-based gateway leads to 'link', which is not a message, timer or signal intermediate catch event",
    ]);
  });

  it('rejects duplicate catch codes and catch-alls, expression catch codes, non-interrupting error catches and code-less throws', async () => {
    expect(await problemsOf('invalid-catch-codes.bpmn')).toEqual([
      'b5: the error code of an error boundary event must be static; only thrown codes may be expressions',
      'nonInterruptingError: an error boundary event must be interrupting',
      'errorEndNoCode: an error end event needs a code (bpmn:error errorCode)',
      'escalationThrowNoCode: an escalation intermediate throw event needs a code (bpmn:escalation escalationCode)',
      "b2: 'b1' already catches the error code 'E1' on the activity 'task'",
      "b4: 'b3' already catches every error (no error code) on the activity 'task'",
      "b7: 'b6' already catches the escalation code 'X1' on the activity 'task'",
      "es2Start: 'es1Start' already catches every error (no error code) among the event subprocesses of 'codes'",
    ]);
  });

  it('checks links, event subprocesses, event positions and compensation handlers', async () => {
    expect(await problemsOf('invalid-links-and-scopes.bpmn')).toEqual([
      'subTimerStart: a timer start event is not allowed in a subprocess',
      'processErrorStart: an error start event is not allowed at process level',
      'timerEnd: a timer end event is not allowed',
      'noStart: an event subprocess needs exactly one start event, but has 0',
      'plainStart: the start event of an event subprocess needs an event definition (message, timer, error...)',
      'noneStart: an event subprocess cannot have incoming or outgoing sequence flows',
      'twoStarts: an event subprocess needs exactly one start event, but has 2',
      "catchA2: the link name 'A' is already used by the link catch event 'catchA' in the same scope",
      'unnamed: a link event needs a name (bpmn:linkEventDefinition name)',
      "throwB: the link throw event 'B' has no link catch event of the same name in its scope",
      "subThrowA: the link throw event 'A' has no link catch event of the same name in its scope",
      'compNoHandler: a compensation boundary event needs an association to its compensation handler',
      'compWrongHandler: the compensation handler \'notAHandler\' must be marked as for compensation (isForCompensation="true")',
    ]);
  });

  it('accepts a process with only a message start event (no correlation key needed) but not one without start event', async () => {
    expect(await problemsOf('no-start-event.bpmn')).toEqual(['nothing: a process needs a start event']);
  });

  it('still rejects what the engine does not run unless the features are enabled', async () => {
    await expect(transformBpmn('events.bpmn', fixture('valid-events.bpmn'), { supported: BASELINE })).rejects.toThrow(
      /element 'msgStart': message start event is not supported yet by this engine/,
    );
  });
});

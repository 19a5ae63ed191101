import type { ExecutableElement } from './executable-model';
import { BASELINE } from './fixtures/features';
import { SUPPORTED, unsupportedReason, withEnabled } from './supported-elements';

const element = (overrides: Partial<ExecutableElement>): ExecutableElement => ({
  id: 'e',
  kind: 'task',
  eventKind: 'none',
  incoming: [],
  outgoing: [],
  inputMappings: [],
  outputMappings: [],
  executionListeners: [],
  taskListeners: [],
  ...overrides,
});

describe('supported elements', () => {
  const timerBoundary = element({ kind: 'boundaryEvent', eventKind: 'timer', cancelActivity: false });
  const receive = element({ kind: 'receiveTask' });

  it('reports what this engine version does not run', () => {
    expect(unsupportedReason(element({ kind: 'serviceTask' }), BASELINE)).toBeUndefined();
    expect(unsupportedReason(timerBoundary, BASELINE)).toBe(
      'non-interrupting timer boundary event is not supported yet by this engine',
    );
    expect(unsupportedReason(receive, BASELINE)).toBe('receive task is not supported yet by this engine');
    expect(unsupportedReason(element({ kind: 'serviceTask', multiInstance: { sequential: false } }), BASELINE)).toBe(
      'multi-instance service task is not supported yet by this engine',
    );
  });

  it('answers the same question with features switched on, leaving the base as it was', () => {
    const enabled = withEnabled(
      { events: { boundaryEvent: ['timer'] }, kinds: ['receiveTask'], multiInstance: true },
      BASELINE,
    );
    expect(unsupportedReason(timerBoundary, enabled)).toBeUndefined();
    expect(unsupportedReason(receive, enabled)).toBeUndefined();
    expect(unsupportedReason(element({ kind: 'serviceTask', multiInstance: { sequential: false } }), enabled)).toBe(
      undefined,
    );
    expect(unsupportedReason(element({ kind: 'boundaryEvent', eventKind: 'message' }), enabled)).toBe(
      'message boundary event is not supported yet by this engine',
    );
    expect(unsupportedReason(element({ kind: 'endEvent', eventKind: 'terminate' }), enabled)).toBeUndefined();
    expect(BASELINE.events.boundaryEvent?.has('timer')).toBe(false);
    expect(BASELINE.kinds.has('receiveTask')).toBe(false);
  });

  it('defaults to the SUPPORTED sets', () => {
    for (const kind of ['serviceTask', 'receiveTask', 'callActivity', 'userTask'] as const) {
      expect(unsupportedReason(element({ kind }))).toEqual(unsupportedReason(element({ kind }), SUPPORTED));
    }
  });

  it('extends an extended set', () => {
    const first = withEnabled({ events: { intermediateCatchEvent: ['message'] } }, BASELINE);
    const second = withEnabled({ events: { intermediateCatchEvent: ['timer'] } }, first);
    expect([...(second.events.intermediateCatchEvent ?? [])]).toEqual(['message', 'timer']);
  });
});

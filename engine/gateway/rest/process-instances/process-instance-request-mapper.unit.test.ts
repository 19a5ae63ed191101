import { EngineError } from '../../../errors';
import { toCreateInstanceCommand } from './process-instance-request-mapper';

const codeOf = (body: unknown): string | undefined => {
  try {
    toCreateInstanceCommand(body);
    return undefined;
  } catch (err) {
    return err instanceof EngineError ? err.code : 'not an EngineError';
  }
};

describe('process instance request mapper', () => {
  it('maps a creation by id, latest version by default', () => {
    expect(toCreateInstanceCommand({ processDefinitionId: 'p', variables: { a: 1 }, tenantId: 't' })).toEqual({
      request: {
        bpmnProcessId: 'p',
        version: undefined,
        processDefinitionKey: undefined,
        variables: { a: 1 },
        startInstructions: undefined,
        tenantId: 't',
      },
    });
  });

  it('accepts keys as strings or numbers and maps awaitCompletion to await options', () => {
    const byString = toCreateInstanceCommand({ processDefinitionKey: '2251799813685249', awaitCompletion: true });
    const byNumber = toCreateInstanceCommand({
      processDefinitionKey: 2251799813685249,
      awaitCompletion: true,
      fetchVariables: ['x'],
      requestTimeout: 5000,
    });
    expect(byString.request.processDefinitionKey).toBe(2251799813685249);
    expect(byString.awaitResult).toEqual({ requestTimeout: undefined, fetchVariables: undefined });
    expect(byNumber.awaitResult).toEqual({ requestTimeout: 5000, fetchVariables: ['x'] });
  });

  it('rejects what the API rejects', () => {
    expect(codeOf({})).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionId: 'p', processDefinitionKey: '1' })).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionId: 'p', variables: [1] })).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionId: 'p', variables: 'x' })).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionKey: 'abc' })).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionId: 'p', startInstructions: [{}] })).toBe('INVALID_ARGUMENT');
    expect(codeOf([])).toBe('INVALID_ARGUMENT');
    expect(codeOf({ processDefinitionId: 'p', runtimeInstructions: [{ type: 'TERMINATE_PROCESS_INSTANCE' }] })).toBe(
      'UNIMPLEMENTED',
    );
  });
});

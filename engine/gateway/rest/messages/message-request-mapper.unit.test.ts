import { EngineError } from '../../../errors';
import { toCorrelateMessageInput, toPublishMessageInput } from './message-request-mapper';

const codeOf = (map: (body: unknown) => unknown, body: unknown): string | undefined => {
  try {
    map(body);
    return undefined;
  } catch (err) {
    return err instanceof EngineError ? err.code : 'not an EngineError';
  }
};

describe('message request mapper', () => {
  it('maps a publication, timeToLive as a number or an int64 string', () => {
    expect(
      toPublishMessageInput({
        name: 'm',
        correlationKey: 'k',
        timeToLive: '60000',
        messageId: 'id-1',
        variables: { a: 1 },
        tenantId: '<default>',
      }),
    ).toEqual({
      name: 'm',
      correlationKey: 'k',
      timeToLive: 60000,
      messageId: 'id-1',
      variables: { a: 1 },
      tenantId: '<default>',
    });
    expect(toPublishMessageInput({ name: 'm' })).toEqual({
      name: 'm',
      correlationKey: '',
      timeToLive: undefined,
      messageId: undefined,
      variables: {},
      tenantId: undefined,
    });
  });

  it('maps a correlation', () => {
    expect(toCorrelateMessageInput({ name: 'm', correlationKey: 'k', variables: null, tenantId: '' })).toEqual({
      name: 'm',
      correlationKey: 'k',
      variables: {},
      tenantId: undefined,
    });
  });

  it('rejects what the API rejects', () => {
    expect(codeOf(toPublishMessageInput, {})).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, { name: '' })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, { name: 'm', timeToLive: -1 })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, { name: 'm', timeToLive: 1.5 })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, { name: 'm', messageId: 7 })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, { name: 'm', variables: [1] })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toPublishMessageInput, [])).toBe('INVALID_ARGUMENT');
    expect(codeOf(toCorrelateMessageInput, { correlationKey: 'k' })).toBe('INVALID_ARGUMENT');
    expect(codeOf(toCorrelateMessageInput, { name: 'm', correlationKey: 1 })).toBe('INVALID_ARGUMENT');
  });
});

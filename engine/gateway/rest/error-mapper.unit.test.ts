import { EngineError, type EngineErrorCode } from '../../errors';
import { toProblemDetail } from './error-mapper';

describe('error mapper', () => {
  it.each<[EngineErrorCode, number]>([
    ['INVALID_ARGUMENT', 400],
    ['NOT_FOUND', 404],
    ['FAILED_PRECONDITION', 409],
    ['ALREADY_EXISTS', 409],
    ['UNIMPLEMENTED', 501],
    ['RESOURCE_EXHAUSTED', 503],
    ['DEADLINE_EXCEEDED', 504],
    ['INTERNAL', 500],
  ])('maps %s to %i with the code as title', (code, status) => {
    expect(toProblemDetail(new EngineError(code, 'why'), '/v2/x')).toEqual({
      type: 'about:blank',
      title: code,
      status,
      detail: 'why',
      instance: '/v2/x',
    });
  });

  it('hides the message of unexpected errors', () => {
    const body = toProblemDetail(new Error('secret path /etc/x'), '/v2/x');
    expect(body.status).toBe(500);
    expect(body.detail).not.toContain('secret');
  });

  it('answers a path parameter that does not decode 400, as the router marks it (found by the fuzzer)', () => {
    const err = Object.assign(new URIError("Failed to decode param '%ED%A0%80'"), { status: 400, statusCode: 400 });
    expect(toProblemDetail(err, '/v2/process-instances/%ED%A0%80')).toMatchObject({
      status: 400,
      title: 'INVALID_ARGUMENT',
      detail: "Failed to decode param '%ED%A0%80'",
    });
  });
});

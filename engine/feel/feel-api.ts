/**
 * FEEL as the engine uses it (see feel-evaluator.ts for the implementation). Evaluation never throws: a failure
 * comes back as a value with a message a person can act on, and the caller turns it into an incident.
 */
export type FeelResultType = 'ANY' | 'STRING' | 'NUMBER' | 'BOOLEAN' | 'ARRAY' | 'OBJECT' | 'STRING_OR_NUMBER';

export type FeelResult<T = unknown> = { ok: true; value: T } | { ok: false; message: string };

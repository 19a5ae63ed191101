/**
 * What the fuzzer's classes share: hostile values as fast-check arbitraries (built as JSON text, so that a value
 * nested 100,000 deep never goes through this process's own recursive JSON.stringify), a time-boxed HTTP call, and
 * the tally of inputs tried and failures per class.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';

/** Every request is time-boxed: an answer later than this is a hang. */
export const REQUEST_TIMEOUT_MS = 20_000;

export interface Failure {
  className: string;
  target: string;
  input: string;
  problem: string;
}

export interface HttpAnswer {
  status: number;
  contentType: string;
  text: string;
}

/** A raw HTTP call with a deadline; `body` goes as it is (hostile JSON is text, not an object). */
export async function httpCall(
  url: string,
  init: { method: string; body?: string | FormData; headers?: Record<string, string>; timeoutMs?: number },
): Promise<HttpAnswer> {
  const response = await fetch(url, {
    method: init.method,
    headers: init.headers,
    body: init.body,
    signal: AbortSignal.timeout(init.timeoutMs ?? REQUEST_TIMEOUT_MS),
  });
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    text: await response.text(),
  };
}

/**
 * What a hostile input may get over HTTP: a 2xx (the input happened to be acceptable) or a 4xx whose body is
 * JSON with a message; returns the problem otherwise. `messageField` is where the API puts its message.
 */
export function httpProblem(answer: HttpAnswer, messageFields: string[]): string | undefined {
  if (answer.status >= 500) return `answered ${answer.status}: ${answer.text.slice(0, 300)}`;
  if (answer.status < 400) return undefined;
  // Node's HTTP parser refuses a request line or headers too long before any route sees them: the status says it.
  if ((answer.status === 431 || answer.status === 414) && answer.text === '') return undefined;
  if (!answer.contentType.includes('json')) return `${answer.status} without a JSON body: ${answer.text.slice(0, 200)}`;
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return `${answer.status} with a body that is not JSON: ${answer.text.slice(0, 200)}`;
  }
  const record = (body ?? {}) as Record<string, unknown>;
  if (!messageFields.some((field) => typeof record[field] === 'string' && (record[field] as string).length > 0))
    return `${answer.status} without a message (${messageFields.join(' or ')}): ${answer.text.slice(0, 200)}`;
  return undefined;
}

/** Counts per class and keeps the failures; `printReport` prints them. */
export class Tally {
  readonly tried = new Map<string, number>();
  readonly answered = new Map<string, Map<string, number>>();
  readonly failures: Failure[] = [];
  private readonly started = performance.now();

  count(className: string, outcome: string): void {
    this.tried.set(className, (this.tried.get(className) ?? 0) + 1);
    const outcomes = this.answered.get(className) ?? new Map<string, number>();
    outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    this.answered.set(className, outcomes);
  }

  fail(failure: Failure): void {
    this.failures.push(failure);
    console.log(`FAILURE [${failure.className}] ${failure.target}: ${failure.problem}\n  input: ${failure.input}`);
  }

  printReport(load: string): void {
    const seconds = (performance.now() - this.started) / 1000;
    console.log(`\nfuzz report (${seconds.toFixed(0)} s; load average at the end: ${load})`);
    for (const [className, tried] of this.tried) {
      const outcomes = [...(this.answered.get(className) ?? new Map<string, number>())]
        .sort((a, b) => b[1] - a[1])
        .map(([outcome, n]) => `${outcome} ${n}`)
        .join(', ');
      const failed = this.failures.filter((failure) => failure.className === className).length;
      console.log(`  ${className.padEnd(28)} ${String(tried).padStart(6)} inputs, ${failed} failures  (${outcomes})`);
    }
    console.log(
      `  total ${[...this.tried.values()].reduce((a, b) => a + b, 0)} inputs, ${this.failures.length} failures`,
    );
  }
}

/** An input shown in a report: long ones cut, so that a 10 MB model does not fill the screen. */
export function shown(input: unknown): string {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  return text.length > 300 ? `${text.slice(0, 240)}… (${text.length} chars)` : text;
}

// ---- hostile values, as JSON text ------------------------------------------------------------------------------

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\u001b[31m',
  '\u007f',
  '\u202eevil', // right-to-left override
  '\ufeffbom',
  'zero\u200bwidth',
  '\ud800', // a lone surrogate
  '\udfff\ud800',
  'e\u0301', // a combining accent
  '𠮷野家',
  '１２３', // full-width digits
  '😀'.repeat(50),
  '../../etc/passwd',
  '..\\..\\windows\\win.ini',
  "' OR 1=1 --",
  '%',
  '_',
  '\\',
  '${7*7}',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  '9223372036854775808',
  '2026-02-30',
  '2026-13-01T25:61:00Z',
  'true',
  'null',
  '__proto__',
];

export const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ODD_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  // Long text: past column sizes and, near the top, past the body limits.
  { weight: 1, arbitrary: fc.integer({ min: 1_000, max: 3_000_000 }).map((n) => '长'.repeat(n)) },
);

const EXTREME_NUMBERS = [
  '0',
  '-0',
  '-1',
  '1.5',
  '-2147483649',
  '2147483648',
  '9007199254740993',
  '9223372036854775807',
  '-9223372036854775809',
  '18446744073709551616',
  '1e308',
  '1e400',
  '-1e400',
  '5e-324',
  '123456789012345678901234567890',
];

/** JSON text nested `depth` deep: arrays, objects, or both. */
export function nestedJson(depth: number, kind: 'array' | 'object' | 'mixed'): string {
  if (kind === 'array') return '['.repeat(depth) + ']'.repeat(depth);
  if (kind === 'object') return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return '{"a":['.repeat(depth) + '1' + ']}'.repeat(depth);
}

export const deepJson: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(10, 100, 1_000, 5_000, 20_000, 100_000),
    fc.constantFrom('array', 'object', 'mixed') as fc.Arbitrary<'array' | 'object' | 'mixed'>,
  )
  .map(([depth, kind]) => nestedJson(depth, kind));

/** Any JSON value a hostile client might send where something else was expected, as JSON text. */
export const hostileJson: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: hostileString.map((s) => JSON.stringify(s)) },
  { weight: 2, arbitrary: fc.constantFrom(...EXTREME_NUMBERS) },
  { weight: 1, arbitrary: fc.constantFrom('true', 'false', 'null', '[]', '{}', '[null]', '{"":null}') },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }) },
  { weight: 1, arbitrary: deepJson },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"admin":true,"roles":["admin"]}}',
      '{"constructor":{"prototype":{"polluted":true}}}',
      '{"toString":1,"valueOf":"x","hasOwnProperty":null}',
    ),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 1_000, max: 200_000 })
      .map((n) => JSON.stringify(Array.from({ length: n }, (_, i) => i))),
  },
);

/** Text that is not JSON at all, sent as application/json. */
export const malformedJsonText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '',
    '{',
    '{"a":}',
    "{'a':1}",
    '{"a":1,}',
    'undefined',
    'NaN',
    '\u0000',
    '[1,2',
    '{"a":"\\u12"}',
    '\ufeff{}',
  ),
  fc.string({ unit: 'binary', maxLength: 200 }),
);

export type Mutation =
  | { kind: 'set'; path: string[]; value: string }
  | { kind: 'delete'; path: string[] }
  | { kind: 'add'; key: string; value: string }
  | { kind: 'replace-body'; value: string }
  | { kind: 'malformed'; text: string }
  | { kind: 'content-type'; contentType: string };

/** Every path to a value in `body` (objects and arrays walked), for a mutation to aim at. */
export function pathsOf(body: unknown, prefix: string[] = []): string[][] {
  if (body === null || typeof body !== 'object') return [prefix];
  const inner = Object.entries(body).flatMap(([key, value]) => pathsOf(value, [...prefix, key]));
  return prefix.length ? [prefix, ...inner] : inner;
}

/** A hostile change of a valid body: one field wrong, gone or added, or the whole body replaced or broken. */
export function mutationOf(body: Record<string, unknown>, keep: string[] = []): fc.Arbitrary<Mutation> {
  const paths = pathsOf(body).filter((path) => !keep.includes(path[0]));
  const options: fc.Arbitrary<Mutation>[] = [
    fc.record({
      kind: fc.constant('add' as const),
      key: fc.oneof(hostileString, fc.constantFrom('__proto__', 'constructor', 'id', 'status')),
      value: hostileJson,
    }),
    fc.record({ kind: fc.constant('replace-body' as const), value: hostileJson }),
    fc.record({ kind: fc.constant('malformed' as const), text: malformedJsonText }),
    fc.record({
      kind: fc.constant('content-type' as const),
      contentType: fc.constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'application/xml',
        'multipart/form-data',
        '',
      ),
    }),
  ];
  if (paths.length) {
    const path = fc.constantFrom(...paths);
    options.push(
      fc.record({ kind: fc.constant('set' as const), path, value: hostileJson }),
      fc.record({ kind: fc.constant('set' as const), path, value: hostileJson }),
      fc.record({ kind: fc.constant('delete' as const), path }),
    );
  }
  return fc.oneof(...options);
}

/** Where a hostile value goes: a string no generated body holds, replaced by the value's text after stringify. */
const HOLE = '\u0001hole\u0001';

/** The body text and content type a mutation gives; hostile values are spliced in as text. */
export function applyMutation(
  body: Record<string, unknown>,
  mutation: Mutation,
): { text: string; contentType: string } {
  const json = 'application/json';
  switch (mutation.kind) {
    case 'replace-body':
      return { text: mutation.value, contentType: json };
    case 'malformed':
      return { text: mutation.text, contentType: json };
    case 'content-type':
      return { text: JSON.stringify(body), contentType: mutation.contentType };
    case 'add': {
      const text = JSON.stringify(body);
      const inner =
        text.length > 2
          ? `${JSON.stringify(mutation.key)}:${mutation.value},`
          : `${JSON.stringify(mutation.key)}:${mutation.value}`;
      return { text: `{${inner}${text.slice(1)}`, contentType: json };
    }
    case 'set':
    case 'delete': {
      const copy = structuredClone(body) as Record<string, unknown>;
      let parent: Record<string, unknown> = copy;
      for (const key of mutation.path.slice(0, -1)) parent = parent[key] as Record<string, unknown>;
      const last = mutation.path[mutation.path.length - 1];
      if (mutation.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
        return { text: JSON.stringify(copy), contentType: json };
      }
      parent[last] = HOLE;
      return { text: JSON.stringify(copy).replace(JSON.stringify(HOLE), () => mutation.value), contentType: json };
    }
  }
}

/** Describes a mutation briefly, for the report. */
export function describeMutation(mutation: Mutation): string {
  switch (mutation.kind) {
    case 'set':
      return `set ${mutation.path.join('.')} = ${shown(mutation.value)}`;
    case 'delete':
      return `delete ${mutation.path.join('.')}`;
    case 'add':
      return `add ${shown(mutation.key)} = ${shown(mutation.value)}`;
    case 'replace-body':
      return `body = ${shown(mutation.value)}`;
    case 'malformed':
      return `malformed body ${shown(mutation.text)}`;
    case 'content-type':
      return `content-type ${JSON.stringify(mutation.contentType)}`;
  }
}

/** Keys that do not exist, or cannot: negative, past 64 bits, not numbers. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '-1',
    '0',
    '2251799813685249',
    '9223372036854775807',
    '9223372036854775808',
    '18446744073709551616',
    '1e400',
    '1.5',
    'abc',
    '0x1F',
    ' 1',
    'NaN',
    'Infinity',
    '00000000000000000000001',
    '%00',
    '..',
    '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  ),
  fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
  hostileString.filter((s) => s.length < 2_000).map(percentEncoded),
);

/** encodeURIComponent that also sends a lone surrogate (as the bytes WTF-8 gives it) instead of throwing. */
export function percentEncoded(text: string): string {
  return [...text]
    .map((char) => {
      const code = char.charCodeAt(0);
      if (char.length > 1 || code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
      const bytes = [0xed, 0xa0 | ((code >> 6) & 0x1f), 0x80 | (code & 0x3f)];
      return bytes.map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    })
    .join('');
}

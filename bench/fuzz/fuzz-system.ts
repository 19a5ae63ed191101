/**
 * The system under fuzzing and the loop that throws inputs at it: the platform of the end-to-end tests (engine in
 * its own process, application in this one, both on SQLite in temporary folders, 127.0.0.1 and free ports), clients
 * for the application's API and the engine's REST and gRPC ports, and `fuzzTarget`, which runs one fast-check
 * property against one target, checking after every input that the engine and the API still serve a real request.
 */
import fc from 'fast-check';
import { performance } from 'node:perf_hooks';
import type { Zeebe } from '@camunda8/sdk';
import type { ServiceError } from '@grpc/grpc-js';
import { callUnary, gatewayClient, processXml, sdkClient } from '../../tests/grpc/grpc-test-clients';
import { startPlatform, type Platform } from '../../tests/platform/platform-kit';
import { seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { httpCall, REQUEST_TIMEOUT_MS, Tally, type HttpAnswer } from './fuzz-kit';

export interface Verdict {
  /** What the input got, e.g. `400` or `INVALID_ARGUMENT`: counted per class. */
  outcome: string;
  /** Set when the answer breaks the rule (a 5xx, INTERNAL, no message, a secret leaked …). */
  problem?: string;
}

export interface Target<T> {
  className: string;
  name: string;
  input: fc.Arbitrary<T>;
  show(input: T): string;
  run(input: T): Promise<Verdict>;
  /** At most this many inputs, for targets whose every input is costly (a 10 MB model). */
  maxRuns?: number;
  /** Its share of the time against the others' (default 1): more for targets with much to explore. */
  weight?: number;
}

export const PROBE_PROCESS = 'fuzz-probe';

export class FuzzSystem {
  readonly tally = new Tally();
  grpc: ReturnType<typeof gatewayClient>;
  readonly zeebe: Zeebe.ZeebeGrpcClient;
  /** Set when the system stopped serving: the run ends there, since every later input would fail for that reason. */
  down?: string;
  /** What the classes started besides the platform (a local server), closed at the end. */
  readonly closers: Array<() => void> = [];
  private tokens = new Map<string, string>();

  private constructor(readonly platform: Platform) {
    this.grpc = gatewayClient(platform.engine);
    this.zeebe = sdkClient(platform.engine);
  }

  static async start(): Promise<FuzzSystem> {
    // Sign-in fuzzing fails thousands of sign-ins from 127.0.0.1: the limits stay on, only high enough not to lock
    // the fuzzer's own users out.
    const platform = await startPlatform({
      APP_SIGNIN_MAX_FAILURES: '1000',
      APP_SIGNIN_ADDRESS_MAX_FAILURES: '100000',
    });
    await seedWorkOrderDemoUsers();
    const system = new FuzzSystem(platform);
    await system.zeebe.deployResource({ name: `${PROBE_PROCESS}.bpmn`, process: processXml(PROBE_PROCESS) });
    const problem = await system.probe();
    if (problem) throw new Error(`the system does not serve before fuzzing: ${problem}`);
    return system;
  }

  async token(login: string): Promise<string> {
    if (!this.tokens.has(login)) {
      const answer = await this.api('POST', '/auth/login', { body: JSON.stringify({ login, password: 'demo1234' }) });
      if (answer.status !== 200) throw new Error(`sign-in of ${login} failed: ${answer.text}`);
      this.tokens.set(login, (JSON.parse(answer.text) as { token: string }).token);
    }
    return this.tokens.get(login)!;
  }

  /** A call to the application's API as `login` (anonymous when undefined), body sent as it is. */
  async api(
    method: string,
    path: string,
    options: { login?: string; body?: string; contentType?: string } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = {};
    if (options.body !== undefined) headers['content-type'] = options.contentType ?? 'application/json';
    if (options.login) headers.authorization = `Bearer ${await this.token(options.login)}`;
    return httpCall(`${this.platform.url}/api${path}`, { method, body: options.body, headers });
  }

  /** A call to the engine's REST API (`path` under /v2) with the engine's bearer token. */
  async engineRest(
    method: string,
    path: string,
    options: { body?: string | FormData; contentType?: string; timeoutMs?: number } = {},
  ): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...(await this.platform.engine.authHeaders()) };
    if (typeof options.body === 'string') headers['content-type'] = options.contentType ?? 'application/json';
    return httpCall(`${this.platform.engine.restAddress}/v2${path}`, {
      method,
      body: options.body,
      headers,
      timeoutMs: options.timeoutMs,
    });
  }

  /** A new gRPC channel: after a call that hung, the old one may be broken, which would fail every later input. */
  renewGrpc(): void {
    this.grpc.close();
    this.grpc = gatewayClient(this.platform.engine);
  }

  /** One unary gRPC call with a deadline; resolves to its status name (OK or the error's code name). */
  async rpc(
    name: string,
    request: object,
    timeoutMs = REQUEST_TIMEOUT_MS,
  ): Promise<{ code: string; details?: string; response?: unknown }> {
    const deadline = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs).unref(),
    );
    try {
      const response = await Promise.race([callUnary(this.grpc, name, request), deadline]);
      return { code: 'OK', response };
    } catch (error) {
      const e = error as ServiceError;
      if (typeof e.code !== 'number') throw error;
      return { code: GRPC_CODE_NAMES[e.code] ?? String(e.code), details: e.details };
    }
  }

  /**
   * The after-every-input check: the engine's health (REST topology) and a real instance run to its end over gRPC,
   * the API's health and a signed-in tasklist page. Returns what failed, or undefined.
   */
  async probe(): Promise<string | undefined> {
    try {
      const topology = await this.engineRest('GET', '/topology', { timeoutMs: 10_000 });
      if (topology.status !== 200) return `engine topology answered ${topology.status}`;
      const result = await this.zeebe.createProcessInstanceWithResult({
        bpmnProcessId: PROBE_PROCESS,
        variables: { probe: 1 },
        requestTimeout: 10_000,
      });
      if ((result.variables as { probe?: number }).probe !== 1) return 'the probe instance ended without its variable';
      const health = await this.api('GET', '/health');
      if (health.status !== 200) return `API health answered ${health.status}`;
      const tasks = await this.api('GET', '/tasks?scope=group&size=1', { login: 'zhangli' });
      if (tasks.status !== 200) return `API tasklist answered ${tasks.status}: ${tasks.text.slice(0, 200)}`;
      return undefined;
    } catch (error) {
      return `the system did not answer: ${error instanceof Error ? error.message : String(error)}`;
    }
  }

  async stop(): Promise<void> {
    for (const close of this.closers) close();
    this.grpc.close();
    await this.zeebe.close();
    await this.platform.stop();
  }
}

const GRPC_CODE_NAMES: Record<number, string> = {
  0: 'OK',
  1: 'CANCELLED',
  2: 'UNKNOWN',
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  6: 'ALREADY_EXISTS',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  10: 'ABORTED',
  11: 'OUT_OF_RANGE',
  12: 'UNIMPLEMENTED',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  15: 'DATA_LOSS',
  16: 'UNAUTHENTICATED',
};

/** What a hostile gRPC request may get: OK or a client's error, never a server fault or a timeout. */
const GRPC_NEVER = ['UNKNOWN', 'INTERNAL', 'UNAVAILABLE', 'DEADLINE_EXCEEDED', 'DATA_LOSS', 'CANCELLED'];

export function grpcVerdict(answer: { code: string; details?: string }, allowed: string[] = []): Verdict {
  if (GRPC_NEVER.includes(answer.code) && !allowed.includes(answer.code))
    return { outcome: answer.code, problem: `${answer.code}: ${answer.details ?? ''}` };
  if (answer.code !== 'OK' && !answer.details)
    return { outcome: answer.code, problem: `${answer.code} without a message` };
  // Which limit a RESOURCE_EXHAUSTED came from (a message over a size limit, or backpressure) matters: shown.
  if (answer.code === 'RESOURCE_EXHAUSTED') return { outcome: `${answer.code} (${answer.details?.slice(0, 50)})` };
  return { outcome: answer.code };
}

export interface Budget {
  /** Time for this target, in ms. */
  timeMs: number;
  /** Most inputs for this target. */
  runs: number;
  seed: number;
}

/**
 * Runs one target as a fast-check property: each input, then the probe. A failing input is shrunk (within the
 * target's time) and reported; the target stops there, the others go on. A probe that fails marks the system down.
 */
export async function fuzzTarget<T>(system: FuzzSystem, target: Target<T>, budget: Budget): Promise<void> {
  if (system.down) return;
  const started = performance.now();
  // The time is checked here rather than by fast-check's interruptAfterTimeLimit, which abandons an input mid-call
  // and lets it run on into the next target's inputs.
  const deadline = started + budget.timeMs;
  let tried = 0;
  // The problem of each input by how it is shown: the counterexample fast-check ends with is not the last one run.
  const problems = new Map<string, string>();
  const property = fc.asyncProperty(target.input, async (input) => {
    if (system.down || performance.now() > deadline) return true;
    tried += 1;
    let verdict: Verdict;
    try {
      verdict = await target.run(input);
    } catch (error) {
      const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
      verdict = /timeout|abort|no answer/i.test(message)
        ? { outcome: 'hang', problem: `no answer in time (${message})` }
        : { outcome: 'error', problem: `the call failed: ${message}` };
    }
    system.tally.count(target.className, verdict.outcome);
    if (verdict.outcome === 'hang') system.renewGrpc();
    const down = await system.probe();
    const problem = down ? `${verdict.problem ?? `answered ${verdict.outcome}`}; afterwards ${down}` : verdict.problem;
    if (problem !== undefined) problems.set(target.show(input), problem);
    return problem === undefined;
  });
  const result = await fc.check(property, {
    numRuns: Math.min(budget.runs, target.maxRuns ?? budget.runs),
    seed: budget.seed,
  });
  if (result.failed && result.counterexample) {
    const input = target.show(result.counterexample[0]);
    system.tally.fail({ className: target.className, target: target.name, input, problem: problems.get(input) ?? '' });
    // The probe after a failing input is the last thing run: if the system still does not serve, stop.
    const down = await system.probe();
    if (down) system.down = down;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `  ${target.className} / ${target.name}: ${tried} inputs in ${seconds} s${result.failed ? ' — FAILED' : ''}`,
  );
}

/**
 * Class 2: the engine's requests. REST v2 bodies (instances, searches, messages, signals, decisions, job activation,
 * user-task completion) changed by one hostile mutation, and REST keys that do not exist or cannot; gRPC requests of
 * the Gateway service with hostile variables (not JSON, not an object, huge, 100,000 deep), extreme numbers and
 * keys, real and made up; and models whose FEEL (conditions, mappings, job types, timers, scripts) is broken, too
 * deep, or expensive, deployed and started. REST answers a 2xx or a 4xx problem with a title; gRPC OK or a client's
 * error code, never INTERNAL, UNKNOWN, UNAVAILABLE or a timeout.
 */
import fc from 'fast-check';
import { processXml } from '../../tests/grpc/grpc-test-clients';
import {
  applyMutation,
  deepJson,
  describeMutation,
  hostileJson,
  hostileKey,
  hostileString,
  httpProblem,
  mutationOf,
  shown,
  type Mutation,
} from './fuzz-kit';
import { grpcVerdict, PROBE_PROCESS, type FuzzSystem, type Target, type Verdict } from './fuzz-system';

const REST = 'engine REST v2';
const GRPC = 'engine gRPC';
const FEEL = 'engine FEEL in models';
const PROBLEM_FIELDS = ['title', 'detail'];
const JOB_TYPE = 'fuzz-job';
const TARGET_PROCESS = 'fuzz-target';

const restVerdict = (answer: { status: number; contentType: string; text: string }): Verdict => ({
  outcome: String(answer.status),
  problem: httpProblem(answer, PROBLEM_FIELDS),
});

function restBodyTarget(
  system: FuzzSystem,
  name: string,
  path: string | fc.Arbitrary<string>,
  body: Record<string, unknown>,
  keep: string[] = [],
): Target<{ path: string; mutation: Mutation }> {
  return {
    className: REST,
    name,
    input: fc.record({ path: typeof path === 'string' ? fc.constant(path) : path, mutation: mutationOf(body, keep) }),
    show: ({ path: p, mutation }) => `POST /v2${p.slice(0, 200)}: ${describeMutation(mutation)}`,
    run: async ({ path: p, mutation }) => {
      const { text, contentType } = applyMutation(body, mutation);
      return restVerdict(await system.engineRest('POST', p, { body: text, contentType }));
    },
  };
}

const REST_KEY_ROUTES: Array<[string, (key: string) => string]> = [
  ['GET', (key) => `/process-instances/${key}`],
  ['GET', (key) => `/user-tasks/${key}`],
  ['GET', (key) => `/incidents/${key}`],
  ['GET', (key) => `/process-definitions/${key}/xml`],
  ['GET', (key) => `/resources/${key}/content`],
  ['GET', (key) => `/decision-instances/${key}`],
  ['POST', (key) => `/process-instances/${key}/cancellation`],
  ['POST', (key) => `/incidents/${key}/resolution`],
  ['POST', (key) => `/jobs/${key}/completion`],
  ['POST', (key) => `/jobs/${key}/failure`],
  ['PUT', (key) => `/element-instances/${key}/variables`],
];

/** Variables as the gRPC API carries them: a JSON document in a string, hostile in shape or size. */
const hostileVariables: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: hostileJson },
  { weight: 3, arbitrary: hostileJson.map((value) => `{"v":${value}}`) },
  { weight: 1, arbitrary: deepJson.map((value) => `{"deep":${value}}`) },
  { weight: 1, arbitrary: fc.constantFrom('{', 'not json', '{"a":1,}', "{'a':1}", '{"a":NaN}', '') },
  { weight: 1, arbitrary: fc.constant('{}') },
);

const int64: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom('-1', '0', '1', '2251799813685249', '9223372036854775807', '-9223372036854775808'),
  fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }).map(String),
);
const int32 = fc.oneof(
  fc.constantFrom(-1, 0, 2147483647, -2147483648),
  fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
);
const name = fc.oneof(
  hostileString.filter((s) => s.length < 10_000),
  fc.constant(PROBE_PROCESS),
);

/** A live instance waiting at a job, and that job activated: real keys for the requests to aim at. */
async function liveKeys(system: FuzzSystem): Promise<{ instance: string; job: string }> {
  await system.zeebe.deployResource({ name: `${TARGET_PROCESS}.bpmn`, process: processXml(TARGET_PROCESS, JOB_TYPE) });
  const instance = await system.zeebe.createProcessInstance({ bpmnProcessId: TARGET_PROCESS, variables: { a: 1 } });
  const jobs = await system.zeebe.activateJobs({
    type: JOB_TYPE,
    worker: 'fuzz',
    maxJobsToActivate: 1,
    timeout: 3_600_000,
    requestTimeout: 10_000,
  });
  if (!jobs.length) throw new Error('the fuzz target job was not activated');
  return { instance: instance.processInstanceKey, job: jobs[0].key };
}

function grpcTarget(system: FuzzSystem, rpc: string, request: fc.Arbitrary<object>): Target<object> {
  return {
    className: GRPC,
    name: rpc,
    input: request,
    show: (input) => `${rpc} ${shown(input)}`,
    run: async (input) => grpcVerdict(await system.rpc(rpc, input)),
  };
}

// ---- FEEL in models --------------------------------------------------------------------------------------------

const FEEL_TOKENS = [
  'amount',
  'x',
  'x[1]',
  'x[-1]',
  'x.a',
  '1',
  '-1',
  '1.5',
  '"s"',
  'null',
  'true',
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '+',
  '-',
  '*',
  '/',
  '**',
  '=',
  '!=',
  '<',
  '>',
  '<=',
  'and',
  'or',
  'not(',
  'if',
  'then',
  'else',
  'for',
  'in',
  'return',
  'some',
  'every',
  'satisfies',
  'function(a)',
  '..',
  ',',
  ':',
  '.',
  'date(',
  'duration(',
  '@"P1D"',
  '@"2026-02-30"',
  'instance of',
  'between',
  'string length(',
  'sum(',
  'count(',
  'a:',
  'list contains(',
  'matches(',
  '"[a-"',
  'now()',
  '?',
  '`',
  "'",
  '\\',
  '#',
  '&&',
  ';',
  '\u0000',
  '𠮷',
];

/** FEEL text: token soup, or well-formed expressions that are very deep, very long or very expensive. */
export const feelExpression: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.array(fc.constantFrom(...FEEL_TOKENS), { minLength: 1, maxLength: 12 }).map((t) => t.join(' ')),
  },
  { weight: 1, arbitrary: fc.constantFrom(10, 1_000, 10_000, 50_000).map((n) => `${'('.repeat(n)}1${')'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.constantFrom(10, 1_000, 20_000).map((n) => `1${' + 1'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.constantFrom(10, 1_000, 20_000).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.constantFrom(100, 100_000, 1_000_000).map((n) => `count(for i in 1..${n} return i) > 0`) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

type FeelPlace = 'condition' | 'input' | 'output' | 'jobType' | 'retries' | 'timer' | 'script';
const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A process with `expression` in one place: start → (place) → end, exclusive gateway for a condition. */
export function feelProcess(processId: string, place: FeelPlace, expression: string): Buffer {
  const feel = escapeXml(`= ${expression}`);
  const task = (extension: string, kind = 'serviceTask') =>
    `<bpmn:${kind} id="el"><bpmn:extensionElements>${extension}</bpmn:extensionElements>` +
    `<bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing></bpmn:${kind}>` +
    `<bpmn:sequenceFlow id="f2" sourceRef="el" targetRef="end" />`;
  const body: Record<FeelPlace, string> = {
    condition:
      `<bpmn:exclusiveGateway id="el" default="f3"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>` +
      `<bpmn:outgoing>f3</bpmn:outgoing></bpmn:exclusiveGateway>` +
      `<bpmn:sequenceFlow id="f2" sourceRef="el" targetRef="end"><bpmn:conditionExpression>${feel}</bpmn:conditionExpression></bpmn:sequenceFlow>` +
      `<bpmn:sequenceFlow id="f3" sourceRef="el" targetRef="end" />`,
    input: task(
      `<zeebe:taskDefinition type="${JOB_TYPE}-feel" /><zeebe:ioMapping><zeebe:input source="${feel}" target="t" /></zeebe:ioMapping>`,
    ),
    output: task(
      `<zeebe:taskDefinition type="${JOB_TYPE}-feel" /><zeebe:ioMapping><zeebe:output source="${feel}" target="t" /></zeebe:ioMapping>`,
    ),
    jobType: task(`<zeebe:taskDefinition type="${feel}" />`),
    retries: task(`<zeebe:taskDefinition type="${JOB_TYPE}-feel" retries="${feel}" />`),
    timer:
      `<bpmn:intermediateCatchEvent id="el"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing>` +
      `<bpmn:timerEventDefinition><bpmn:timeDuration>${feel}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>` +
      `<bpmn:sequenceFlow id="f2" sourceRef="el" targetRef="end" />`,
    script: task(`<zeebe:script expression="${feel}" resultVariable="r" />`, 'scriptTask'),
  };
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
  <bpmn:process id="${processId}" isExecutable="true">
    <bpmn:startEvent id="start"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="el" />
    ${body[place]}
    <bpmn:endEvent id="end" />
  </bpmn:process>
</bpmn:definitions>`);
}

let feelCounter = 0;

function feelTarget(system: FuzzSystem): Target<{ place: FeelPlace; expression: string; variables: string }> {
  return {
    className: FEEL,
    name: 'deploy and start',
    input: fc.record({
      place: fc.constantFrom<FeelPlace>('condition', 'input', 'output', 'jobType', 'retries', 'timer', 'script'),
      expression: feelExpression,
      variables: fc.oneof(fc.constant('{"amount":5,"x":[1,2,3]}'), hostileVariables),
    }),
    show: ({ place, expression, variables }) => `${place}: = ${shown(expression)}; variables ${shown(variables)}`,
    run: async ({ place, expression, variables }) => {
      const processId = `fuzz-feel-${++feelCounter}`;
      const content = feelProcess(processId, place, expression);
      const deployed = await system.rpc('DeployResource', { resources: [{ name: `${processId}.bpmn`, content }] });
      const verdict = grpcVerdict(deployed);
      if (deployed.code !== 'OK' || verdict.problem) return { ...verdict, outcome: `deploy ${verdict.outcome}` };
      // Accepted: the expression is evaluated when an instance gets there (an incident at worst, never a crash).
      const started = grpcVerdict(await system.rpc('CreateProcessInstance', { bpmnProcessId: processId, variables }));
      return { ...started, outcome: `deployed, start ${started.outcome}` };
    },
    weight: 6,
  };
}

export async function engineTargets(system: FuzzSystem): Promise<Array<Target<unknown>>> {
  const keys = await liveKeys(system);
  const key = fc.oneof(int64, fc.constantFrom(keys.instance, keys.job));
  const restKey = fc.oneof(hostileKey, fc.constantFrom(keys.instance, keys.job));
  return [
    restBodyTarget(system, 'create instance', '/process-instances', {
      processDefinitionId: PROBE_PROCESS,
      variables: { a: 1 },
    }),
    restBodyTarget(system, 'search instances', '/process-instances/search', {
      filter: { processDefinitionId: PROBE_PROCESS, state: 'ACTIVE', variables: [{ name: 'a', value: '1' }] },
      sort: [{ field: 'startDate', order: 'desc' }],
      page: { limit: 10, from: 0 },
    }),
    restBodyTarget(system, 'search user tasks', '/user-tasks/search', {
      filter: { assignee: 'zhangli', state: 'CREATED', candidateGroups: ['x'] },
      page: { limit: 5 },
    }),
    restBodyTarget(system, 'search variables', '/variables/search', {
      filter: { name: 'a', value: '1' },
      page: { limit: 5 },
    }),
    restBodyTarget(system, 'search incidents', '/incidents/search', {
      filter: { state: 'ACTIVE' },
      page: { limit: 5 },
    }),
    restBodyTarget(system, 'publish message', '/messages/publication', {
      name: 'fuzz-message',
      correlationKey: 'k-1',
      timeToLive: 1_000,
      variables: { a: 1 },
    }),
    restBodyTarget(system, 'broadcast signal', '/signals/broadcast', {
      signalName: 'fuzz-signal',
      variables: { a: 1 },
    }),
    restBodyTarget(system, 'evaluate decision', '/decision-definitions/evaluation', {
      decisionDefinitionId: 'customer-class',
      variables: { capacityKva: 8, voltage: '220V', category: 'residential' },
    }),
    // A long poll waits its requestTimeout by design: kept short so that waiting is not taken for a hang.
    restBodyTarget(
      system,
      'activate jobs',
      '/jobs/activation',
      { type: `${JOB_TYPE}-none`, timeout: 1_000, maxJobsToActivate: 1, requestTimeout: 100, worker: 'fuzz' },
      ['requestTimeout'],
    ),
    restBodyTarget(
      system,
      'complete user task',
      restKey.map((k) => `/user-tasks/${k}/completion`),
      { variables: { a: 1 } },
    ),
    {
      className: REST,
      name: 'keys in paths',
      input: fc.tuple(fc.integer({ min: 0, max: REST_KEY_ROUTES.length - 1 }), restKey),
      show: ([i, k]) => `${REST_KEY_ROUTES[i][0]} /v2${REST_KEY_ROUTES[i][1](k.slice(0, 200))}`,
      run: async ([i, k]) => {
        const [method, path] = REST_KEY_ROUTES[i];
        return restVerdict(await system.engineRest(method, path(k), { body: method === 'GET' ? undefined : '{}' }));
      },
    },
    grpcTarget(
      system,
      'CreateProcessInstance',
      fc.record({ bpmnProcessId: name, version: int32, variables: hostileVariables }),
    ),
    grpcTarget(
      system,
      'CreateProcessInstanceWithResult',
      fc.record({
        request: fc.record({ bpmnProcessId: name, variables: hostileVariables }),
        requestTimeout: fc.constantFrom('1000', '0', '-1'),
        fetchVariables: fc.array(
          hostileString.filter((s) => s.length < 1000),
          { maxLength: 3 },
        ),
      }),
    ),
    grpcTarget(
      system,
      'PublishMessage',
      fc.record({
        name,
        correlationKey: hostileString,
        timeToLive: int64,
        messageId: hostileString,
        variables: hostileVariables,
      }),
    ),
    grpcTarget(system, 'BroadcastSignal', fc.record({ signalName: name, variables: hostileVariables })),
    grpcTarget(
      system,
      'SetVariables',
      fc.record({ elementInstanceKey: key, variables: hostileVariables, local: fc.boolean() }),
    ),
    grpcTarget(system, 'CompleteJob', fc.record({ jobKey: key, variables: hostileVariables })),
    grpcTarget(
      system,
      'FailJob',
      fc.record({
        jobKey: key,
        retries: int32,
        errorMessage: hostileString,
        retryBackOff: int64,
        variables: hostileVariables,
      }),
    ),
    grpcTarget(
      system,
      'ThrowError',
      fc.record({ jobKey: key, errorCode: hostileString, errorMessage: hostileString, variables: hostileVariables }),
    ),
    grpcTarget(system, 'UpdateJobRetries', fc.record({ jobKey: key, retries: int32 })),
    grpcTarget(system, 'UpdateJobTimeout', fc.record({ jobKey: key, timeout: int64 })),
    grpcTarget(system, 'ResolveIncident', fc.record({ incidentKey: key })),
    grpcTarget(system, 'CancelProcessInstance', fc.record({ processInstanceKey: int64 })),
    grpcTarget(
      system,
      'EvaluateDecision',
      fc.record({
        decisionId: fc.oneof(name, fc.constant('customer-class')),
        decisionKey: int64,
        variables: hostileVariables,
      }),
    ),
    grpcTarget(system, 'DeleteResource', fc.record({ resourceKey: int64 })),
    grpcTarget(
      system,
      'ModifyProcessInstance',
      fc.record({
        processInstanceKey: key,
        activateInstructions: fc.array(
          fc.record({
            elementId: fc.oneof(hostileString, fc.constantFrom('task', 'end', 'start')),
            ancestorElementInstanceKey: int64,
            variableInstructions: fc.array(fc.record({ variables: hostileVariables, scopeId: hostileString }), {
              maxLength: 2,
            }),
          }),
          { maxLength: 3 },
        ),
        terminateInstructions: fc.array(fc.record({ elementInstanceKey: key }), { maxLength: 3 }),
      }),
    ),
    grpcTarget(
      system,
      'MigrateProcessInstance',
      fc.record({
        processInstanceKey: key,
        migrationPlan: fc.record({
          targetProcessDefinitionKey: int64,
          mappingInstructions: fc.array(fc.record({ sourceElementId: hostileString, targetElementId: hostileString }), {
            maxLength: 3,
          }),
        }),
      }),
    ),
    feelTarget(system),
  ];
}

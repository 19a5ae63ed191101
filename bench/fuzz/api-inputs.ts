/**
 * Class 1: the application API's JSON inputs. A valid body per route (sign-in, a 业扩 application, a 变更用电
 * application, a 95598 order, a customer, a task's completion), changed by one hostile mutation; query parameters of
 * the lists and searches (known and unknown names, repeated, hostile values); hostile path keys. Every answer must
 * be a 2xx or a 4xx with `{ code, message }`.
 */
import fc from 'fast-check';
import { residentialApplication } from '../../tests/business-expansion/business-expansion-kit';
import { seedAccount } from '../../tests/change-of-use/change-of-use-kit';
import { orderBody } from '../../tests/work-orders/work-order-kit';
import { waitFor } from '../../tests/support/wait-for';
import {
  applyMutation,
  describeMutation,
  hostileKey,
  hostileString,
  httpProblem,
  mutationOf,
  percentEncoded,
  type Mutation,
} from './fuzz-kit';
import type { FuzzSystem, Target, Verdict } from './fuzz-system';

const CLASS = 'API JSON inputs';
const QUERY_CLASS = 'API query and path';
const MESSAGE = ['message'];

const verdictOf = (answer: { status: number; contentType: string; text: string }): Verdict => ({
  outcome: String(answer.status),
  problem: httpProblem(answer, MESSAGE),
});

function bodyTarget(
  system: FuzzSystem,
  name: string,
  login: string | undefined,
  method: string,
  path: string | fc.Arbitrary<string>,
  body: Record<string, unknown>,
): Target<{ path: string; mutation: Mutation }> {
  return {
    className: CLASS,
    name,
    input: fc.record({ path: typeof path === 'string' ? fc.constant(path) : path, mutation: mutationOf(body) }),
    show: ({ path: p, mutation }) => `${method} ${p.slice(0, 200)}: ${describeMutation(mutation)}`,
    run: async ({ path: p, mutation }) => {
      const { text, contentType } = applyMutation(body, mutation);
      return verdictOf(await system.api(method, p, { login, body: text, contentType }));
    },
  };
}

/** An open task of a 业扩 case started for the fuzzer, so that "complete" is aimed at a real key too. */
async function openTaskKey(system: FuzzSystem): Promise<string> {
  const submitted = await system.api('POST', '/business-expansion/applications', {
    login: 'zhangli',
    body: JSON.stringify(residentialApplication()),
  });
  if (submitted.status !== 201) throw new Error(`could not start a case to fuzz: ${submitted.text}`);
  const { applicationNo } = JSON.parse(submitted.text) as { applicationNo: string };
  return waitFor(
    async () => {
      const answer = await system.api('GET', `/business-expansion/applications/${applicationNo}`, { login: 'admin' });
      return (JSON.parse(answer.text) as { currentTasks?: Array<{ userTaskKey: string }> }).currentTasks?.[0]
        ?.userTaskKey;
    },
    { timeout: 30_000, interval: 200, description: 'the fuzzed case’s first task' },
  );
}

/** A day about a month ahead: past any notice period a change of use asks for. */
const monthAhead = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

/** The lists and searches with the query parameters they know (unknown names are tried too). */
const LISTS: Array<{ login: string; path: string; params: string[] }> = [
  {
    login: 'zhangli',
    path: '/tasks',
    params: [
      'scope',
      'processInstanceKey',
      'step',
      'dueState',
      'priority',
      'caseNo',
      'customer',
      'createdFrom',
      'dueTo',
      'sort',
      'order',
      'page',
      'size',
    ],
  },
  { login: 'zhangli', path: '/cases', params: ['q', 'area', 'page', 'size'] },
  { login: 'zhangli', path: '/customers', params: ['q'] },
  { login: 'liuna', path: '/work-orders', params: ['phone', 'orderType', 'status', 'page', 'size', 'q'] },
  { login: 'zhoumin', path: '/work-orders/statistics', params: ['from', 'to', 'unit'] },
  {
    login: 'zhoumin',
    path: '/monitor/instances',
    params: [
      'caseNo',
      'customer',
      'processId',
      'version',
      'state',
      'startedFrom',
      'unit',
      'variable',
      'value',
      'sort',
      'page',
      'size',
    ],
  },
  { login: 'zhangli', path: '/change-of-use/applications', params: ['changeType', 'status', 'page', 'size'] },
  { login: 'admin', path: '/audit', params: ['actor', 'action', 'target', 'outcome', 'from', 'to', 'page', 'size'] },
  { login: 'zhangli', path: '/calendar/add', params: ['from', 'amount', 'unit'] },
  { login: 'zhangli', path: '/knowledge', params: ['q'] },
  { login: 'zhoumin', path: '/time-limits/compliance', params: ['from', 'to', 'unit'] },
  { login: 'zhoumin', path: '/dashboards/backlog', params: ['unit'] },
];

const queryValue: fc.Arbitrary<string> = fc.oneof(
  hostileString.filter((s) => s.length < 4_000).map(percentEncoded),
  // Broken percent-encoding and the bracket syntax some query parsers turn into objects.
  fc.constantFrom('%', '%E0%A4%A', '%ZZ', '%00', '[]', 'a[b]=c', '%5B%5D'),
);

/** A query string of 1–4 parameters: a list's own names or others, each maybe repeated, with hostile values. */
function queryOf(params: string[]): fc.Arbitrary<string> {
  const name = fc.oneof(
    fc.constantFrom(...params),
    fc.constantFrom('x', '__proto__', 'constructor', 'page[0]', 'size[]'),
  );
  const pair = fc.tuple(name, queryValue, fc.boolean()).map(([n, v, repeated]) => {
    const one = `${encodeURIComponent(n)}=${v}`;
    return repeated ? `${one}&${one}` : one;
  });
  return fc.array(pair, { minLength: 1, maxLength: 4 }).map((pairs) => pairs.join('&'));
}

const PATH_ROUTES: Array<{ login: string; method: string; path: (key: string) => string }> = [
  { login: 'zhangli', method: 'GET', path: (key) => `/tasks/${key}` },
  { login: 'zhangli', method: 'GET', path: (key) => `/tasks/${key}/form` },
  { login: 'zhangli', method: 'POST', path: (key) => `/tasks/${key}/claim` },
  { login: 'zhangli', method: 'GET', path: (key) => `/cases/${key}` },
  { login: 'zhangli', method: 'GET', path: (key) => `/cases/${key}/diagram` },
  { login: 'zhangli', method: 'GET', path: (key) => `/customers/${key}` },
  { login: 'admin', method: 'GET', path: (key) => `/users/${key}` },
  { login: 'liuna', method: 'GET', path: (key) => `/work-orders/${key}` },
  { login: 'zhoumin', method: 'GET', path: (key) => `/monitor/instances/${key}` },
  { login: 'zhangli', method: 'GET', path: (key) => `/change-of-use/applications/${key}` },
  { login: 'zhangli', method: 'GET', path: (key) => `/time-limits/cases/${key}` },
  { login: 'admin', method: 'GET', path: (key) => `/models/${key}/versions` },
];

export async function apiTargets(system: FuzzSystem): Promise<Array<Target<unknown>>> {
  const taskKey = await openTaskKey(system);
  const account = await seedAccount();
  const taskPath = fc.oneof(
    { weight: 3, arbitrary: fc.constant(`/tasks/${taskKey}/complete`) },
    { weight: 1, arbitrary: hostileKey.map((key) => `/tasks/${key}/complete`) },
  );
  return [
    bodyTarget(system, 'sign-in', undefined, 'POST', '/auth/login', { login: 'zhangli', password: 'not-the-password' }),
    bodyTarget(
      system,
      '业扩报装 application',
      'zhangli',
      'POST',
      '/business-expansion/applications',
      residentialApplication(),
    ),
    bodyTarget(system, '变更用电 application', 'zhangli', 'POST', '/change-of-use/applications', {
      accountId: account.id,
      changeType: 'suspend',
      requestedDate: monthAhead(),
      reason: '模糊测试',
    }),
    bodyTarget(system, '95598 work order', 'liuna', 'POST', '/work-orders', orderBody()),
    bodyTarget(
      system,
      'customer',
      'zhangli',
      'POST',
      '/customers',
      residentialApplication().customer as Record<string, unknown>,
    ),
    bodyTarget(system, 'task complete', 'zhangli', 'POST', taskPath, {
      variables: { acceptResult: 'accepted', comment: '模糊测试', amount: 1 },
    }),
    {
      className: QUERY_CLASS,
      name: 'searches and lists',
      input: fc
        .integer({ min: 0, max: LISTS.length - 1 })
        .chain((i) => fc.tuple(fc.constant(i), queryOf(LISTS[i].params))),
      show: ([i, query]) => `GET ${LISTS[i].path}?${query.slice(0, 300)}`,
      run: async ([i, query]) =>
        verdictOf(await system.api('GET', `${LISTS[i].path}?${query}`, { login: LISTS[i].login })),
    },
    {
      className: QUERY_CLASS,
      name: 'keys in paths',
      input: fc.tuple(fc.integer({ min: 0, max: PATH_ROUTES.length - 1 }), hostileKey),
      show: ([i, key]) => `${PATH_ROUTES[i].method} ${PATH_ROUTES[i].path(key.slice(0, 200))}`,
      run: async ([i, key]) => {
        const route = PATH_ROUTES[i];
        return verdictOf(
          await system.api(route.method, route.path(key), {
            login: route.login,
            body: route.method === 'POST' ? '{}' : undefined,
          }),
        );
      },
    },
  ];
}

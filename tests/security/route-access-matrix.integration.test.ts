/**
 * The route × role matrix: every route the application has (read from its router, api/route-table.ts) against
 * every demo role. A role the table does not allow gets 403 (or 404 where the route hides what exists); an allowed
 * role is never refused for its role (401/403) and never meets a 500; without a token every non-public route is 401.
 * The route parameters name things that do not exist, so no call changes anything that a later call reads.
 */
import { createApp } from '../../api/app';
import { listRoutes, type RouteEntry } from '../../api/route-table';
import { DEMO_USERS } from '../../platform/seed/demo-users';
import { WORK_ORDER_DEMO_USERS, seedWorkOrderDemoUsers } from '../../platform/seed/work-orders-demo';
import { residentialApplication } from '../business-expansion/business-expansion-kit';
import { anonymousClient, signedInClient, usePlatform, type ApiClient, type Platform } from '../platform/platform-kit';
import { ROUTE_ACCESS, type Access } from './route-access';
import { waitFor } from '../support/wait-for';

let platform: Platform;
usePlatform(async (started) => {
  platform = started;
  await seedWorkOrderDemoUsers();
});

/** One demo user per role. */
const userPerRole = new Map<string, string>();
for (const user of [...DEMO_USERS, ...WORK_ORDER_DEMO_USERS])
  for (const role of user.roles) if (!userPerRole.has(role)) userPerRole.set(role, user.login);

const key = (route: RouteEntry) => `${route.method} ${route.path}`;

/** Parameters that name nothing: numbers for keys and ids, a made-up code for the rest. */
function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) =>
    /key$|^id$/i.test(name) ? '2251799813999999' : name === 'year' ? '2099' : name === 'date' ? '2099-01-01' : 'NOPE-0',
  );
}

function call(client: ApiClient, route: RouteEntry) {
  const path = concretePath(route.path).replace(/^\/api/, '');
  switch (route.method) {
    case 'GET':
      return client.get(path);
    case 'POST':
      return client.post(path, {});
    case 'PUT':
      return client.put(path, {});
    case 'PATCH':
      return client.patch(path, {});
    case 'DELETE':
      return client.delete(path);
    default:
      throw new Error(`no client method for ${route.method}`);
  }
}

const allows = (access: Access, role: string): boolean =>
  access === 'public' || access === 'signed-in' || role === 'admin' || access.includes(role);

/** Signing out revokes the role's token, so it comes last. */
const SIGN_OUT = 'POST /api/auth/logout';

function applicationRoutes(): RouteEntry[] {
  return listRoutes(createApp({ ...platform.application.services, authSecret: 'unused' })).sort(
    (a, b) => Number(key(a) === SIGN_OUT) - Number(key(b) === SIGN_OUT),
  );
}

describe('route × role matrix', () => {
  test('the access table names exactly the routes the application has', () => {
    const actual = applicationRoutes().map(key).sort();
    const listed = Object.keys(ROUTE_ACCESS).sort();
    expect({
      unlisted: actual.filter((k) => !listed.includes(k)),
      stale: listed.filter((k) => !actual.includes(k)),
    }).toEqual({ unlisted: [], stale: [] });
  });

  test('without a token every route but the public ones answers 401', async () => {
    const anonymous = anonymousClient(platform);
    const wrong: string[] = [];
    for (const route of applicationRoutes()) {
      if (ROUTE_ACCESS[key(route)] === 'public') continue;
      const answer = await call(anonymous, route);
      if (answer.status !== 401) wrong.push(`${key(route)} → ${answer.status}`);
    }
    expect(wrong).toEqual([]);
  });

  test.each([...userPerRole.keys()])('role %s: refused exactly where the table says', async (role) => {
    const client = await platform.as(userPerRole.get(role)!);
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of applicationRoutes()) {
      const access = ROUTE_ACCESS[key(route)];
      if (!access || access === 'public') continue;
      const { status } = await call(client, route);
      if (status >= 500) wrong.push(`${key(route)} → ${status}`);
      else if (allows(access, role) && (status === 401 || status === 403))
        wrong.push(`${key(route)} refused: ${status}`);
      else if (!allows(access, role)) {
        if (status === 403 || status === 404) refusals++;
        else wrong.push(`${key(route)} not refused: ${status}`);
      }
    }
    expect(wrong).toEqual([]);
    if (role !== 'admin') expect(refusals).toBeGreaterThan(0);
  });
});

describe('route × unit', () => {
  /** The case-reading routes whose one parameter is the case: every one of them, as the table has them. */
  const CASE_PARAMS = new Set(['businessKey', 'no']);
  const caseReads = () =>
    applicationRoutes().filter((route) => {
      const params = [...route.path.matchAll(/:(\w+)/g)].map((match) => match[1]);
      return route.method === 'GET' && params.length === 1 && CASE_PARAMS.has(params[0]!);
    });

  test('a case of another unit is not found on any route that reads a case; its own unit reads it', async () => {
    // Fresh sign-ins (SH-PD and SH-MH clerks): the role test above signed every role out, revoking earlier tokens.
    const [sameUnit, otherUnit] = [await signedInClient(platform, 'zhangli'), await signedInClient(platform, 'wuting')];
    const submitted = await sameUnit.post(
      '/business-expansion/applications',
      residentialApplication({ address: '上海市浦东新区世纪大道 99 号' }),
    );
    expect(submitted.status).toBe(201);
    const applicationNo: string = submitted.body.applicationNo;
    // The case's clock is written when its process starts, a moment after the answer: wait for it, or its route
    // would answer 404 to the case's own unit for a reason that has nothing to do with units.
    await waitFor(async () => (await sameUnit.get(`/time-limits/cases/${applicationNo}`)).status === 200 || undefined, {
      description: `${applicationNo} clock`,
    });
    const routes = caseReads();
    expect(routes.length).toBeGreaterThanOrEqual(8);
    const wrong: string[] = [];
    for (const route of routes) {
      const path = route.path.replace(/^\/api/, '').replace(/:\w+/, applicationNo);
      const [own, other] = [await sameUnit.get(path), await otherUnit.get(path)];
      // A case's supply scheme does not exist yet: 404 for both is right there; everywhere else its unit reads it.
      if (own.status >= 400 && !(own.status === 404 && route.path.includes('supply-schemes')))
        wrong.push(`${key(route)} own unit → ${own.status}`);
      if (other.status !== 404) wrong.push(`${key(route)} other unit → ${other.status}`);
    }
    expect(wrong).toEqual([]);
  });
});

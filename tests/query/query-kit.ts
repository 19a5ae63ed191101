/**
 * Helpers of the query API tests: REST calls with fetch (problem details included), walking all pages of a
 * search with cursors, and direct access to the projection tables (a test's privilege, to prove catch-up).
 */
import { createStorage } from '../../engine/storage/create-storage';
import { openQueryDb } from '../../engine/query/query-db';
import type { EngineProcess } from '../support/engine-process';

/** Where the REST calls go, with the engine's credentials. */
export type EngineRest = Pick<EngineProcess, 'restAddress' | 'authHeaders'>;

export interface Page<T = Record<string, unknown>> {
  items: T[];
  page: { totalItems: number; hasMoreTotalItems?: boolean; startCursor?: string; endCursor?: string };
}

export async function post<T = Page>(
  base: EngineRest,
  path: string,
  body: unknown,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base.restAddress}/v2${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(await base.authHeaders()) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
  };
}

export async function get<T = Record<string, unknown>>(
  base: EngineRest,
  path: string,
): Promise<{ status: number; body: T }> {
  const res = await fetch(`${base.restAddress}/v2${path}`, { headers: await base.authHeaders() });
  const text = await res.text();
  return {
    status: res.status,
    body: (res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text) as T,
  };
}

/** A search that must succeed. */
export async function search<T = Record<string, unknown>>(
  base: EngineRest,
  resource: string,
  body: unknown,
): Promise<Page<T>> {
  const res = await post<Page<T>>(base, `/${resource}/search`, body);
  if (res.status !== 200) throw new Error(`search ${resource} answered ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body;
}

/** Every item of a search, page by page along the end cursors. */
export async function walkPages<T>(
  base: EngineRest,
  resource: string,
  body: { filter?: unknown; sort?: unknown },
  limit: number,
): Promise<{ items: T[]; pages: number }> {
  const items: T[] = [];
  let after: string | undefined;
  let pages = 0;
  for (;;) {
    const page = await search<T>(base, resource, { ...body, page: after ? { limit, after } : { limit } });
    pages++;
    items.push(...page.items);
    if (page.items.length < limit || !page.page.endCursor) return { items, pages };
    after = page.page.endCursor;
    if (pages > 1000) throw new Error('too many pages');
  }
}

/** Empties the projections (not the engine's tables), so that a restart must rebuild them from the log. */
export async function wipeProjections(databaseUrl: string): Promise<void> {
  const storage = createStorage(databaseUrl);
  await storage.open();
  const db = openQueryDb(storage);
  try {
    const tables = [
      'engine_q_position',
      'engine_q_process_definitions',
      'engine_q_process_instances',
      'engine_q_element_instances',
      'engine_q_element_statistics',
      'engine_q_sequence_flows',
      'engine_q_variables',
      'engine_q_incidents',
      'engine_q_user_tasks',
      'engine_q_user_task_candidates',
      'engine_q_jobs',
      'engine_q_message_subscriptions',
      'engine_q_decision_requirements',
      'engine_q_decision_definitions',
      'engine_q_decision_instances',
    ];
    await db.transaction(tables.map((t) => ({ sql: `DELETE FROM ${t}`, params: [] })));
  } finally {
    await db.close();
    await storage.close();
  }
}

/** Runs statements on the projection tables of a database no engine has open (e.g. to make it look older). */
export async function runOnProjections(databaseUrl: string, statements: string[]): Promise<void> {
  const storage = createStorage(databaseUrl);
  await storage.open();
  const db = openQueryDb(storage);
  try {
    await db.transaction(statements.map((sql) => ({ sql, params: [] })));
  } finally {
    await db.close();
    await storage.close();
  }
}

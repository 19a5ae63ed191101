/**
 * What the application crash test checks in the application's database: one of each thing per acknowledged case,
 * no message or time-limit event twice, and what the kill left of submissions that got no answer.
 */
import { QueryTypes, type Sequelize } from 'sequelize';

export interface Case {
  kind: 'order' | 'application';
  no: string;
  processInstanceKey: string;
  archived: boolean;
}

/** Keys whose count (a query returning key, n) is not exactly 1, as `key: n`, under `what`. */
async function notOnePer(database: Sequelize, sql: string, keys: string[], what: string): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await database.query<{ key: string; n: number }>(sql, {
    type: QueryTypes.SELECT,
    replacements: { keys },
  });
  const counts = new Map(rows.map((row) => [String(row.key), Number(row.n)]));
  return keys.filter((key) => counts.get(key) !== 1).map((key) => `${what}: ${key} has ${counts.get(key) ?? 0}`);
}

/** Groups of a query returning more than one row per group, as text. */
async function repeatedGroups(database: Sequelize, sql: string, keys: string[], what: string): Promise<string[]> {
  if (!keys.length) return [];
  const rows = await database.query(sql, { type: QueryTypes.SELECT, replacements: { keys } });
  return rows.map((row) => `${what}: ${JSON.stringify(row)}`);
}

/**
 * What should exist once per case and does not (a duplicate, or a missing one), as text, empty when all is right:
 * orders' history rows, 业扩 archive, contract, metering point, meter, scheme and account, a finished case clock
 * (only for cases in `finished`, when given), and no notification or time-limit event twice.
 */
export async function appDatabaseProblems(
  cases: Case[],
  database: Sequelize,
  finished: (c: Case) => boolean = () => true,
): Promise<string[]> {
  const orders = cases.filter((c) => c.kind === 'order').map((c) => c.no);
  const applications = cases.filter((c) => c.kind === 'application').map((c) => c.no);
  const finishedOrders = cases.filter((c) => c.kind === 'order' && finished(c)).map((c) => c.no);
  const finishedApplications = cases.filter((c) => c.kind === 'application' && finished(c)).map((c) => c.no);
  const problems: string[] = [];
  // The number is unique by constraint; one row per acknowledged case by its customer's phone / id number too.
  problems.push(
    ...(await notOnePer(
      database,
      `SELECT w.order_no AS \`key\`, (SELECT COUNT(*) FROM work_orders o WHERE o.phone = w.phone) AS n
         FROM work_orders w WHERE w.order_no IN (:keys)`,
      orders,
      'work orders per phone',
    )),
  );
  problems.push(
    ...(await notOnePer(
      database,
      `SELECT a.application_no AS \`key\`,
              (SELECT COUNT(*) FROM be_applications b JOIN customers d ON d.id = b.customer_id
                WHERE d.id_number = c.id_number) AS n
         FROM be_applications a JOIN customers c ON c.id = a.customer_id WHERE a.application_no IN (:keys)`,
      applications,
      'applications per customer',
    )),
  );
  for (const kind of ['created', 'knowledge-lookup', 'answer', 'archive'])
    problems.push(
      ...(await notOnePer(
        database,
        `SELECT order_no AS \`key\`, COUNT(*) AS n FROM work_order_events
          WHERE order_no IN (:keys) AND kind = '${kind}' GROUP BY order_no`,
        finishedOrders,
        `order history rows ${kind}`,
      )),
    );
  for (const table of ['be_archives', 'be_contracts', 'be_metering_points', 'be_supply_schemes'])
    problems.push(
      ...(await notOnePer(
        database,
        `SELECT application_no AS \`key\`, COUNT(*) AS n FROM ${table} WHERE application_no IN (:keys)
          GROUP BY application_no`,
        finishedApplications,
        table,
      )),
    );
  problems.push(
    ...(await notOnePer(
      database,
      `SELECT p.application_no AS \`key\`, COUNT(*) AS n FROM be_meters m JOIN be_metering_points p
         ON p.id = m.metering_point_id WHERE p.application_no IN (:keys) GROUP BY p.application_no`,
      finishedApplications,
      'meters',
    )),
  );
  problems.push(
    ...(await notOnePer(
      database,
      `SELECT a.application_no AS \`key\`, COUNT(*) AS n FROM be_applications a JOIN accounts t
         ON t.customer_id = a.customer_id WHERE a.application_no IN (:keys) GROUP BY a.application_no`,
      finishedApplications,
      'accounts per new connection',
    )),
  );
  problems.push(
    ...(await notOnePer(
      database,
      `SELECT business_key AS \`key\`, COUNT(*) AS n FROM case_time_limits
        WHERE business_key IN (:keys) AND finished_at IS NOT NULL GROUP BY business_key`,
      finishedApplications,
      'finished case clocks',
    )),
  );
  // The same message to the same recipient twice (whatever its dedup key) is a duplicate; so is a time-limit event.
  const all = [...orders, ...applications];
  problems.push(
    ...(await repeatedGroups(
      database,
      `SELECT business_key, kind, recipient, title, COUNT(*) AS n FROM notifications WHERE business_key IN (:keys)
        GROUP BY business_key, kind, recipient, title HAVING COUNT(*) > 1`,
      all,
      'notification twice',
    )),
  );
  problems.push(
    ...(await repeatedGroups(
      database,
      `SELECT business_key, step, level, COUNT(*) AS n FROM time_limit_events WHERE business_key IN (:keys)
        GROUP BY business_key, step, level HAVING COUNT(*) > 1`,
      all,
      'time-limit event twice',
    )),
  );
  return problems;
}

export async function checkAppDatabase(cases: Case[], database: Sequelize): Promise<void> {
  expect(await appDatabaseProblems(cases, database)).toEqual([]);
}

/**
 * Redelivered jobs whose work the killed process had already saved (history rows and notifications carry the job
 * key in their dedup key): the second run found it done and did not do it again.
 */
export async function workSavedBeforeTheKill(
  database: Sequelize,
  jobKeys: string[],
  killedAt: number,
): Promise<number> {
  const rows = await database.query<{ dedup_key: string; created_at: string | Date }>(
    `SELECT dedup_key, created_at FROM work_order_events UNION ALL SELECT dedup_key, created_at FROM notifications`,
    { type: QueryTypes.SELECT },
  );
  const keys = new Set(jobKeys);
  const saved = rows.filter((row) => {
    const jobKey = /:(\d+)$/.exec(row.dedup_key)?.[1];
    return jobKey !== undefined && keys.has(jobKey) && new Date(row.created_at).getTime() < killedAt;
  });
  return new Set(saved.map((row) => /:(\d+)$/.exec(row.dedup_key)![1])).size;
}

/** Submissions the kill left without an answer: each saved at most once; how many lack their process key. */
export async function unansweredSubmissions(database: Sequelize, keys: string[]): Promise<Record<string, number>> {
  if (!keys.length) return { unansweredSaved: 0, unansweredWithoutProcessKey: 0 };
  const rows = await database.query<{ key: string; process_instance_key: string | null }>(
    `SELECT phone AS \`key\`, process_instance_key FROM work_orders WHERE phone IN (:keys)
     UNION ALL SELECT c.id_number AS \`key\`, a.process_instance_key FROM be_applications a
       JOIN customers c ON c.id = a.customer_id WHERE c.id_number IN (:keys)`,
    { type: QueryTypes.SELECT, replacements: { keys } },
  );
  expect(rows.length).toBe(new Set(rows.map((row) => row.key)).size);
  return {
    unansweredSaved: rows.length,
    unansweredWithoutProcessKey: rows.filter((row) => !row.process_instance_key).length,
  };
}

/**
 * What the chaos run checks at its end, against the application's tables and the engine's API:
 * - lost: an acknowledged case without its record or its process instance, an acknowledged task completion the
 *   engine does not show completed, an acknowledged payment without its row, a case stuck short of its end;
 * - duplicated: a business effect more than once (the crash test's list, tests/durability/crash-ledger.ts, plus fees,
 *   payments and the change-of-use contract and account change);
 * - disagreeing: a case whose record and process instance do not say the same (finished ⇔ COMPLETED, open ⇔
 *   ACTIVE).
 */
import { QueryTypes, type Sequelize } from 'sequelize';
import { appDatabaseProblems, type Case } from '../../tests/durability/crash-ledger';
import type { ApiAnswer } from '../../tests/platform/platform-kit';
import type { EngineProcess } from '../../tests/support/engine-process';
import { FINAL_STATE } from './case-plans';
import type { DrivenCase } from './simulated-users';

export interface Findings {
  lost: string[];
  duplicated: string[];
  disagreeing: string[];
}

async function engineGet(engine: EngineProcess, path: string): Promise<ApiAnswer> {
  for (let attempt = 0; ; attempt++) {
    try {
      const answer = await fetch(`${engine.restAddress}/v2${path}`, {
        headers: await engine.authHeaders(),
        signal: AbortSignal.timeout(10_000),
      });
      return { status: answer.status, body: await answer.json().catch(() => undefined) };
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

async function rows(database: Sequelize, sql: string, keys: string[]): Promise<Record<string, unknown>[]> {
  if (!keys.length) return [];
  return database.query(sql, { type: QueryTypes.SELECT, replacements: { keys } });
}

/** Rows per key of a (key, n) query where n is not `expected(key)`. */
async function countsOff(
  database: Sequelize,
  sql: string,
  keys: string[],
  expected: (key: string) => number,
  what: string,
): Promise<string[]> {
  const counts = new Map((await rows(database, sql, keys)).map((row) => [String(row.key), Number(row.n)]));
  return keys
    .filter((key) => (counts.get(key) ?? 0) !== expected(key))
    .map((key) => `${what}: ${key} has ${counts.get(key) ?? 0}, expected ${expected(key)}`);
}

async function lostOf(cases: DrivenCase[], database: Sequelize, engine: EngineProcess): Promise<string[]> {
  const lost: string[] = [];
  const recorded = new Map<string, string | null>();
  for (const row of await rows(
    database,
    `SELECT order_no AS no, process_instance_key AS pik FROM work_orders WHERE order_no IN (:keys)
     UNION ALL SELECT application_no, process_instance_key FROM be_applications WHERE application_no IN (:keys)
     UNION ALL SELECT application_no, process_instance_key FROM change_applications WHERE application_no IN (:keys)`,
    cases.map((c) => c.no),
  ))
    recorded.set(String(row.no), row.pik === null ? null : String(row.pik));
  for (const c of cases) {
    if (!recorded.has(c.no)) lost.push(`${c.no}: acknowledged, no record`);
    else if (recorded.get(c.no) !== c.processInstanceKey)
      lost.push(`${c.no}: acknowledged with instance ${c.processInstanceKey}, record says ${recorded.get(c.no)}`);
    if ((await engineGet(engine, `/process-instances/${c.processInstanceKey}`)).status !== 200)
      lost.push(`${c.no}: its process instance ${c.processInstanceKey} is not on the engine`);
    for (const key of c.completedTasks) {
      const task = await engineGet(engine, `/user-tasks/${key}`);
      if (task.body?.state !== 'COMPLETED')
        lost.push(`${c.no}: task ${key} acknowledged, engine says ${task.body?.state}`);
    }
    if (c.failure) lost.push(`${c.no} (${c.kind}) stuck: ${c.failure}`);
  }
  const receipts = cases.flatMap((c) => c.receipts);
  const found = new Set(
    (
      await rows(
        database,
        `SELECT receipt_no AS r FROM be_payments WHERE receipt_no IN (:keys)
         UNION ALL SELECT receipt_no FROM change_payments WHERE receipt_no IN (:keys)`,
        receipts,
      )
    ).map((row) => String(row.r)),
  );
  for (const receipt of receipts) if (!found.has(receipt)) lost.push(`payment ${receipt} acknowledged, no row`);
  return lost;
}

async function duplicatedOf(cases: DrivenCase[], database: Sequelize): Promise<{ twice: string[]; missing: string[] }> {
  const asCrashCases: Case[] = cases
    .filter((c) => c.area !== 'change-of-use')
    .map((c) => ({
      kind: c.area === 'work-order' ? 'order' : 'application',
      no: c.no,
      processInstanceKey: c.processInstanceKey,
      archived: c.finished,
    }));
  const problems = await appDatabaseProblems(asCrashCases, database, (c) => c.archived);
  // A finished case's effect found 0 times is lost, not duplicated.
  const missing = problems.filter((problem) => /has 0$/.test(problem));
  const twice = problems.filter((problem) => !/has 0$/.test(problem));
  const byNo = new Map(cases.map((c) => [c.no, c]));
  const paying = (area: DrivenCase['area']) =>
    cases.filter((c) => c.area === area && c.receipts.length).map((c) => c.no);
  for (const [table, area] of [
    ['be_payments', 'business-expansion'],
    ['change_payments', 'change-of-use'],
  ] as const)
    twice.push(
      ...(await countsOff(
        database,
        `SELECT application_no AS \`key\`, COUNT(*) AS n FROM ${table} WHERE application_no IN (:keys) GROUP BY application_no`,
        paying(area),
        (no) => byNo.get(no)!.receipts.length,
        table,
      )),
    );
  const withFees = cases.filter((c) => c.kind === 'be-hv-dual').map((c) => c.no);
  twice.push(
    ...(
      await rows(
        database,
        `SELECT application_no, kind, COUNT(*) AS n FROM be_fees WHERE application_no IN (:keys)
          GROUP BY application_no, kind HAVING COUNT(*) > 1`,
        withFees,
      )
    ).map((row) => `fee twice: ${JSON.stringify(row)}`),
  );
  const changes = cases.filter((c) => c.area === 'change-of-use');
  const finishedChanges = changes.filter((c) => c.finished).map((c) => c.no);
  for (const problem of await countsOff(
    database,
    'SELECT application_no AS `key`, COUNT(*) AS n FROM change_contracts WHERE application_no IN (:keys) GROUP BY application_no',
    finishedChanges,
    // a split re-contracts both accounts
    () => 2,
    'change contracts',
  ))
    (/has 0,/.test(problem) ? missing : twice).push(problem);
  twice.push(
    ...(
      await rows(
        database,
        `SELECT business_key, kind, recipient, title, COUNT(*) AS n FROM notifications WHERE business_key IN (:keys)
          GROUP BY business_key, kind, recipient, title HAVING COUNT(*) > 1`,
        changes.map((c) => c.no),
      )
    ).map((row) => `notification twice: ${JSON.stringify(row)}`),
  );
  return { twice, missing };
}

/** Each case's state in its area's table. */
async function recordedStates(cases: DrivenCase[], database: Sequelize): Promise<Map<string, string>> {
  const found = await rows(
    database,
    `SELECT order_no AS no, state FROM work_orders WHERE order_no IN (:keys)
     UNION ALL SELECT application_no, state FROM be_applications WHERE application_no IN (:keys)
     UNION ALL SELECT application_no, status FROM change_applications WHERE application_no IN (:keys)`,
    cases.map((c) => c.no),
  );
  return new Map(found.map((row) => [String(row.no), String(row.state)]));
}

/**
 * The record in its final state ⇔ the instance COMPLETED, open ⇔ ACTIVE; polled a while, as the engine's search
 * trails its commits and the workers may be finishing a case.
 */
async function disagreeingOf(cases: DrivenCase[], database: Sequelize, engine: EngineProcess): Promise<string[]> {
  const wrong = async () => {
    const states = await recordedStates(cases, database);
    const out: string[] = [];
    for (const c of cases) {
      const instance = await engineGet(engine, `/process-instances/${c.processInstanceKey}`);
      const recorded = states.get(c.no);
      const expected = recorded === FINAL_STATE[c.area] ? 'COMPLETED' : 'ACTIVE';
      if (instance.body?.state !== expected) out.push(`${c.no}: record ${recorded}, instance ${instance.body?.state}`);
    }
    return out;
  };
  let found = await wrong();
  for (let attempt = 0; found.length && attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 3000));
    found = await wrong();
  }
  return found;
}

export async function findings(cases: DrivenCase[], database: Sequelize, engine: EngineProcess): Promise<Findings> {
  const { twice, missing } = await duplicatedOf(cases, database);
  return {
    lost: [...(await lostOf(cases, database, engine)), ...missing],
    duplicated: twice,
    disagreeing: await disagreeingOf(cases, database, engine),
  };
}

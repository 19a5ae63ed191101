/**
 * Simulated users for the chaos run: counter clerks submit cases and take payments, the staff of each step
 * complete their tasks, all through the API as the web app does, while any part of the system may be killed. They
 * retry as a real client does: a call that got no answer (refused, reset, timed out) or a 5xx is tried again, a
 * creation or a payment with the same Idempotency-Key (decision 0024), a task completion only while the engine still
 * shows the task open. Every answer that acknowledged something (201, 200) is written in the ledger the final checks
 * read.
 */
import { randomUUID } from 'node:crypto';
import { FollowingClient, completeStep, type OpenTask } from '../../tests/durability/crash-driver';
import type { ApiAnswer } from '../../tests/platform/platform-kit';
import { FINAL_STATE, type CasePlan, type CaseKind, type Step } from './case-plans';

/** How long one step may take before the case is given up as stuck (the engine's job timeout is 60 s). */
const STEP_TIMEOUT_MS = 6 * 60_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface DrivenCase {
  kind: CaseKind;
  area: CasePlan['area'];
  no: string;
  processInstanceKey: string;
  /** User tasks whose completion the API acknowledged (200), or found completed after a lost answer. */
  completedTasks: string[];
  /** Payments the API acknowledged: their receipt numbers. */
  receipts: string[];
  finished: boolean;
  /** Why the case stopped short, when it did. */
  failure?: string;
}

export interface Ledger {
  cases: DrivenCase[];
  /** Submissions never acknowledged (given up): their Idempotency-Keys. */
  unacknowledged: string[];
  retries: number;
}

/** A creation or a payment: the same key until the API acknowledges it; a refusal of the input is a bug. */
async function postOnce(client: FollowingClient, login: string, path: string, body: unknown, ledger: Ledger) {
  const key = randomUUID();
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const answer = await client.attempt(login, 'POST', path, body, { 'idempotency-key': key });
    if (answer && answer.status < 300) return answer;
    // 409 IDEMPOTENCY_KEY_BUSY: the first attempt still holds the key; anything 5xx or no answer: try again.
    const retry = !answer || answer.status >= 500 || answer.body?.code === 'IDEMPOTENCY_KEY_BUSY';
    if (!retry) throw new Error(`POST ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (Date.now() > deadline) {
      ledger.unacknowledged.push(key);
      throw new Error(`POST ${path}: not acknowledged within ${STEP_TIMEOUT_MS} ms (last ${answer?.status})`);
    }
    ledger.retries++;
    await pause(300 + Math.random() * 700);
  }
}

const recordPath = (c: DrivenCase) =>
  c.area === 'work-order'
    ? `/work-orders/${c.no}`
    : c.area === 'business-expansion'
      ? `/business-expansion/applications/${c.no}`
      : `/change-of-use/applications/${c.no}`;

/** The case's state as its area's record says. */
export async function caseState(
  client: FollowingClient,
  c: DrivenCase,
): Promise<{ state: string; record: ApiAnswer['body'] }> {
  const record = (await client.call('admin', 'GET', recordPath(c))).body;
  const state = c.area === 'business-expansion' ? record.application?.state : (record.state ?? record.status);
  return { state, record };
}

/** Open tasks: across the call tree for 业扩 (the record lists them), by the process instance otherwise. */
async function openTasks(client: FollowingClient, c: DrivenCase): Promise<OpenTask[]> {
  if (c.area === 'business-expansion') return (await caseState(client, c)).record.currentTasks ?? [];
  return (await client.call('admin', 'GET', `/tasks?scope=group&processInstanceKey=${c.processInstanceKey}`)).body
    .items;
}

async function untilState(client: FollowingClient, c: DrivenCase, states: string[], timeoutMs = STEP_TIMEOUT_MS) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await caseState(client, c);
    if (states.includes(found.state)) return found;
    if (Date.now() > deadline)
      throw new Error(`${c.no} not in ${states.join('/')} within ${timeoutMs} ms: ${found.state}`);
    await pause(500);
  }
}

/** What is still due once the case waits for its payment: 业扩 in waiting-payment, a change once its fee is set. */
async function dueFen(client: FollowingClient, c: DrivenCase): Promise<number> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  for (;;) {
    const { state, record } = await caseState(client, c);
    if (c.area === 'business-expansion' && state === 'waiting-payment')
      return record.fees.reduce((sum: number, fee: { amountFen: number }) => sum + fee.amountFen, 0);
    if (c.area === 'change-of-use' && record.fee?.dueFen > 0) return record.fee.dueFen - record.fee.paidFen;
    if (Date.now() > deadline) throw new Error(`${c.no}: nothing due within ${STEP_TIMEOUT_MS} ms (${state})`);
    await pause(500);
  }
}

async function pay(client: FollowingClient, c: DrivenCase, ledger: Ledger): Promise<void> {
  const amountFen = await dueFen(client, c);
  const answer = await postOnce(
    client,
    'zhangli',
    `${recordPath(c)}/payments`,
    { amountFen, method: 'counter' },
    ledger,
  );
  c.receipts.push(answer.body.payment?.receiptNo ?? answer.body.receiptNo);
}

/** The customer's works reported done; a retry after a lost answer finds the case moved on (409) and stops. */
async function worksDone(client: FollowingClient, c: DrivenCase, ledger: Ledger): Promise<void> {
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  await untilState(client, c, ['waiting-construction']);
  for (;;) {
    const answer = await client.attempt(
      'zhangli',
      'POST',
      `/business-expansion/applications/${c.no}/construction-completed`,
    );
    if (answer?.status === 200) return;
    if (answer?.status === 409 && (await caseState(client, c)).state !== 'waiting-construction') return;
    if (answer && answer.status < 500 && answer.status !== 409)
      throw new Error(`works done ${c.no}: ${answer.status} ${JSON.stringify(answer.body)}`);
    if (Date.now() > deadline) throw new Error(`works done ${c.no}: no answer within ${STEP_TIMEOUT_MS} ms`);
    ledger.retries++;
    await pause(500);
  }
}

async function runStep(client: FollowingClient, c: DrivenCase, step: Step, done: Set<string>, ledger: Ledger) {
  if ('pay' in step) return pay(client, c, ledger);
  if ('worksDone' in step) return worksDone(client, c, ledger);
  const before = done.size;
  await completeStep(client, () => openTasks(client, c), step.task, step.login, step.variables, done, STEP_TIMEOUT_MS);
  if (done.size > before) c.completedTasks.push([...done].at(-1)!);
}

/** Submits the case and walks it to its final state; a failure is written on the case, not thrown. */
export async function driveCase(client: FollowingClient, plan: CasePlan, ledger: Ledger): Promise<void> {
  const created = await postOnce(client, plan.login, plan.path, plan.body, ledger);
  const c: DrivenCase = {
    kind: plan.kind,
    area: plan.area,
    no: created.body.applicationNo ?? created.body.orderNo,
    processInstanceKey: String(created.body.processInstanceKey),
    completedTasks: [],
    receipts: [],
    finished: false,
  };
  ledger.cases.push(c);
  const done = new Set<string>();
  try {
    for (const step of plan.steps) await runStep(client, c, step, done, ledger);
    await untilState(client, c, [FINAL_STATE[plan.area]]);
    c.finished = true;
  } catch (error) {
    c.failure = (error as Error).message;
  }
}

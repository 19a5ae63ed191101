/**
 * A POST that creates something, done once per idempotency key (the IETF draft's `Idempotency-Key` header; decision
 * 0024). The key is claimed and the record saved in one transaction; what follows the save (a process start, a
 * message) must be safe to repeat, and its answer is stored with the key. The same key again, with the same request:
 * the stored answer, or — when the first attempt died or failed after the save — the rest done now and answered.
 * With another request: 422. While the first attempt still works on it, a retry waits a little for its answer.
 */
import { Op, type Sequelize, type Transaction, UniqueConstraintError } from 'sequelize';
import { IdempotencyKey } from '../../db/core/idempotency-models';
import { AppError, validationError } from '../../lib/errors/app-error';
import { requestHash } from './request-hash';

export interface IdempotentRequest {
  /** The header's value; undefined when the client sent none (the request is then simply done). */
  key: string | undefined;
  login: string;
  /** What the request is for, e.g. `POST /work-orders`. */
  scope: string;
  body: unknown;
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

export interface CreationSteps<T, P> {
  /** The checks and look-ups before the save (engine decisions, say): only for a key not seen before. */
  prepare(): Promise<P>;
  /** Saves the record inside the transaction that claims the key; returns its reference (its number). */
  save(transaction: Transaction, prepared: P): Promise<string>;
  /** Everything after the save, safe to repeat for the same reference; the answer to give. */
  finish(reference: string): Promise<Answer<T>>;
}

/** How long an attempt holds its key before a retry may take over (machine time: the business clock may be pinned). */
const LEASE_MS = 30_000;
/** How long a retry waits for an attempt still working on its key before answering 409. */
const WAIT_MS = 10_000;
const POLL_MS = 100;

const leaseFromNow = () => new Date(Date.now() + LEASE_MS);
const KEY_FORMAT = /^[\x21-\x7e]{1,128}$/;

class KeyTaken extends Error {}

export async function createOnce<T, P>(
  sequelize: Sequelize,
  request: IdempotentRequest,
  steps: CreationSteps<T, P>,
): Promise<Answer<T>> {
  if (request.key === undefined) {
    const prepared = await steps.prepare();
    return steps.finish(await sequelize.transaction((t) => steps.save(t, prepared)));
  }
  if (!KEY_FORMAT.test(request.key))
    throw validationError(
      '请求头 Idempotency-Key 须为 1–128 个可见 ASCII 字符 / header Idempotency-Key: 1 to 128 visible ASCII characters',
    );
  const hash = requestHash(request.scope, request.body);
  const claimed = (await findKey(request))
    ? undefined
    : await claimAndSave(sequelize, request, hash, steps, await steps.prepare());
  if (claimed) return finishAndStore(claimed, steps);
  const row = await findKey(request);
  if (!row) throw new AppError(409, 'IDEMPOTENCY_KEY_BUSY', busyMessage);
  if (row.scope !== request.scope || row.requestHash !== hash)
    throw new AppError(
      422,
      'IDEMPOTENCY_KEY_REUSED',
      '该 Idempotency-Key 已用于另一请求，请换一个新键 / this Idempotency-Key was used for another request: use a new key',
    );
  const turn = await awaitTurn(row);
  if (turn.state === 'done') return { status: turn.answerStatus!, body: turn.answer as T };
  return finishAndStore(turn, steps);
}

const busyMessage =
  '同一 Idempotency-Key 的请求仍在处理，请稍后用同一键重试 / a request with this Idempotency-Key is still in progress: retry later with the same key';

const findKey = (request: IdempotentRequest) =>
  IdempotencyKey.findOne({ where: { login: request.login, idempotencyKey: request.key! } });

async function claimAndSave<T, P>(
  sequelize: Sequelize,
  request: IdempotentRequest,
  hash: string,
  steps: CreationSteps<T, P>,
  prepared: P,
): Promise<IdempotencyKey | undefined> {
  try {
    return await sequelize.transaction(async (transaction) => {
      const row = await IdempotencyKey.create(
        {
          login: request.login,
          idempotencyKey: request.key!,
          scope: request.scope,
          requestHash: hash,
          state: 'pending',
          reference: null,
          answerStatus: null,
          answer: null,
          leaseUntil: leaseFromNow(),
        },
        { transaction },
      ).catch((error: unknown) => {
        throw error instanceof UniqueConstraintError ? new KeyTaken() : error;
      });
      return row.update({ reference: await steps.save(transaction, prepared) }, { transaction });
    });
  } catch (error) {
    if (error instanceof KeyTaken) return undefined;
    throw error;
  }
}

/** Waits while another attempt holds the key; the row once it is done, or once this request has taken it over. */
async function awaitTurn(row: IdempotencyKey): Promise<IdempotencyKey> {
  const until = Date.now() + WAIT_MS;
  for (;;) {
    await row.reload();
    if (row.state === 'done') return row;
    const [taken] = await IdempotencyKey.update(
      { leaseUntil: leaseFromNow() },
      { where: { id: row.id, state: 'pending', leaseUntil: { [Op.lt]: new Date() } } },
    );
    if (taken === 1) return row.reload();
    if (Date.now() > until) throw new AppError(409, 'IDEMPOTENCY_KEY_BUSY', busyMessage);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}

async function finishAndStore<T, P>(row: IdempotencyKey, steps: CreationSteps<T, P>): Promise<Answer<T>> {
  let answer: Answer<T>;
  try {
    answer = await steps.finish(row.reference!);
  } catch (error) {
    // A retry with the same key may finish it at once.
    await row.update({ leaseUntil: new Date(0) });
    throw error;
  }
  // Stored as it goes out: a replay is the same JSON.
  const body = JSON.parse(JSON.stringify(answer.body)) as T;
  await row.update({ state: 'done', answerStatus: answer.status, answer: body });
  return { status: answer.status, body };
}

/**
 * At start-up no request of this process holds a key: the leases of the keys a killed process held end now, so a
 * retry finishes at once instead of waiting for them (one application process per database).
 */
export async function releaseLeases(): Promise<void> {
  await IdempotencyKey.update({ leaseUntil: new Date(0) }, { where: { state: 'pending' } });
}

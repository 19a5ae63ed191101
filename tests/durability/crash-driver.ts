/**
 * Drives cases through the API of an application that may be killed at any moment: the client follows the
 * application to its new url after a restart, a call that got no answer is retried once the application is back,
 * and a task completion whose answer was lost is settled by asking the task's state.
 */
import { TEST_PNG, type ApiAnswer } from '../platform/platform-kit';

/** A call without an answer within this time is taken as lost, as a browser's would be. */
const ATTEMPT_TIMEOUT_MS = 30_000;

/** The interval between attempts of the retry loops below (each retries until its condition or deadline). */
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export class FollowingClient {
  private apiUrl: string | undefined;

  /** `patienceMs`: how long `call` retries by default (a user who waits out a restart of the engine or the API). */
  constructor(private readonly patienceMs = 60_000) {}

  private readonly tokens = new Map<string, string>();
  /** Calls that got no answer (connection refused or reset): the application was down. */
  unanswered = 0;

  /** The application's api url, or undefined while it is down. */
  follow(apiUrl: string | undefined): void {
    this.apiUrl = apiUrl;
  }

  /**
   * One attempt: the answer, or undefined when the application did not answer (refused, reset, or nothing within
   * 30 s). A FormData body goes as is; `headers` (e.g. an Idempotency-Key) go with the request.
   */
  async attempt(
    login: string,
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer | undefined> {
    const base = this.apiUrl;
    if (!base) return undefined;
    try {
      const token = await this.token(base, login);
      const form = body instanceof FormData;
      const response = await fetch(`${base}${path}`, {
        method,
        headers: {
          ...(form ? {} : { 'content-type': 'application/json' }),
          authorization: `Bearer ${token}`,
          ...headers,
        },
        body: form ? body : body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined };
    } catch {
      this.unanswered++;
      return undefined;
    }
  }

  /** Retries until the application answers (reads and idempotent calls only). */
  async call(
    login: string,
    method: string,
    path: string,
    body?: unknown,
    timeoutMs = this.patienceMs,
  ): Promise<ApiAnswer> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const answer = await this.attempt(login, method, path, body);
      if (answer && answer.status < 500) return answer;
      if (Date.now() > deadline)
        throw new Error(`${method} ${path} as ${login}: no answer within ${timeoutMs} ms ${JSON.stringify(answer)}`);
      await pause(200);
    }
  }

  /** Tokens are signed with the fixed secret, so they outlive a restart. */
  private async token(base: string, login: string): Promise<string> {
    let token = this.tokens.get(login);
    if (token) return token;
    const response = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login, password: 'demo1234' }),
    });
    if (response.status !== 200) throw new Error(`login ${login}: ${response.status}`);
    token = ((await response.json()) as { token: string }).token;
    this.tokens.set(login, token);
    return token;
  }
}

export interface OpenTask {
  userTaskKey: string;
  elementId: string;
}

/**
 * A file of each kind the task's step still requires (decision 0034), uploaded from the task; an upload whose
 * answer was lost is repeated, and a second file of a kind does no harm. False when the task is gone (404).
 */
async function uploadRequiredDocuments(client: FollowingClient, login: string, userTaskKey: string): Promise<boolean> {
  const task = await client.call(login, 'GET', `/tasks/${userTaskKey}`);
  for (const kind of (task.body?.documents?.missing ?? []) as string[]) {
    const form = new FormData();
    form.set('kind', kind);
    form.set('taskKey', userTaskKey);
    form.set('file', new Blob([new Uint8Array(TEST_PNG)]), `${kind}.png`);
    const answer = await client.call(login, 'POST', `/cases/${task.body.variables.businessKey}/documents`, form);
    if (answer.status === 404) return false;
    if (answer.status !== 201) throw new Error(`upload ${kind} for ${userTaskKey}: ${JSON.stringify(answer.body)}`);
  }
  return true;
}

/**
 * Completes the case's open task `elementId` as `login`. When the answer is lost (the application died during the
 * call), the task's state in the engine decides: completed means done, open means try again.
 */
export async function completeStep(
  client: FollowingClient,
  openTasks: () => Promise<OpenTask[]>,
  elementId: string,
  login: string,
  variables: Record<string, unknown>,
  done: Set<string>,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`task ${elementId} not completed within ${timeoutMs} ms`);
    const task = (await openTasks()).find((t) => t.elementId === elementId && !done.has(t.userTaskKey));
    if (!task) {
      await pause(150);
      continue;
    }
    // The task search trails the engine: a task whose completion answer was lost may still be listed as open.
    const current = await client.call('admin', 'GET', `/tasks/${task.userTaskKey}`);
    if (current.status === 200 && current.body.state !== 'CREATED') {
      done.add(task.userTaskKey);
      return;
    }
    // An upload the API refuses because the task is no longer open (the search showed it a moment too long) is
    // settled by the loop: the next round finds the task completed, or another one open.
    if (!(await uploadRequiredDocuments(client, login, task.userTaskKey))) {
      await pause(200);
      continue;
    }
    const answer = await client.attempt(login, 'POST', `/tasks/${task.userTaskKey}/complete`, { variables });
    if (answer?.status === 200) {
      done.add(task.userTaskKey);
      return;
    }
    const state = await client.call('admin', 'GET', `/tasks/${task.userTaskKey}`);
    if (state.status === 200 && state.body.state !== 'CREATED') {
      done.add(task.userTaskKey);
      return;
    }
    // A refused input is the test's mistake; anything else (lost answer, a search not caught up yet) is retried.
    if (answer && [400, 401, 403, 422].includes(answer.status))
      throw new Error(`complete ${elementId} as ${login}: ${answer.status} ${JSON.stringify(answer.body)}`);
    await pause(200);
  }
}

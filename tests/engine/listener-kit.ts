/** What the listener tests share: listener extension elements, REST calls and REST job activation. */
import { bpmn, chain, endEvent, serviceTask, startEvent } from '../events/event-kit';
import type { EngineProcess } from '../support/engine-process';
import { waitFor } from '../support/wait-for';

type Listener = [eventType: string, type: string, retries?: number];

const listenerElements = (kind: 'execution' | 'task', listeners: Listener[]): string =>
  `<zeebe:${kind}Listeners>${listeners
    .map(
      ([eventType, type, retries]) =>
        `<zeebe:${kind}Listener eventType="${eventType}" type="${type}"${retries === undefined ? '' : ` retries="${retries}"`} />`,
    )
    .join('')}</zeebe:${kind}Listeners>`;

export const executionListeners = (...listeners: Listener[]): string => listenerElements('execution', listeners);

export const taskListeners = (...listeners: Listener[]): string => listenerElements('task', listeners);

/** A REST v2 call with the engine's credentials; the body parsed (an empty body as {}). */
export async function restCall(engine: EngineProcess, method: string, path: string, body?: unknown) {
  const res = await fetch(`${engine.restAddress}/v2${path}`, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(await engine.authHeaders()) },
  });
  const text = await res.text();
  return { status: res.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Activates the one job of a type over REST (the SDK's REST job class leaves out kind and userTask). */
export const activateRest = (engine: EngineProcess, type: string) =>
  waitFor(
    async () => {
      const res = await restCall(engine, 'POST', '/jobs/activation', {
        type,
        timeout: 60_000,
        maxJobsToActivate: 1,
        requestTimeout: -1,
      });
      return (res.body.jobs as Array<Record<string, unknown>>)[0];
    },
    { description: `a ${type} job over REST` },
  );

/** Completes a job over REST, with a task listener's `result` when given. */
export const completeRest = (engine: EngineProcess, job: Record<string, unknown>, body: Record<string, unknown> = {}) =>
  restCall(engine, 'POST', `/jobs/${String(job.jobKey)}/completion`, body);

/**
 * A service task with a start execution listener, then a user task assigned to 'anna' with a creating task
 * listener: what the older clients (zbctl, zeebe-node) take listener jobs through.
 */
export const listenerProcessXml = (processId: string, types: { start: string; work: string; creating: string }) =>
  bpmn(
    processId,
    `${startEvent()}${serviceTask('svc', types.work, executionListeners(['start', types.start]))}
     <bpmn:userTask id="task"><bpmn:extensionElements><zeebe:userTask /><zeebe:assignmentDefinition assignee="anna" />${taskListeners(['creating', types.creating])}</bpmn:extensionElements></bpmn:userTask>
     ${endEvent()}${chain('start', 'svc', 'task', 'end')}`,
  );

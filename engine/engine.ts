import { MAX_VARIABLE_DEPTH, nestsDeeperThan } from './json-depth';
import { EngineClock } from './clock/engine-clock';
import { EngineMetrics } from './metrics/engine-metrics';
import {
  DEFAULT_TENANT,
  type ActivatedJob,
  type ActivateJobsRequest,
  type AwaitOptions,
  type BrokerTopology,
  type CreatedInstance,
  type CreateInstanceRequest,
  type DecisionResult,
  type DeployedResource,
  type DeploymentResult,
  type EvaluateDecisionInput,
  type EngineApi,
  type FailJobRequest,
  type InstanceResult,
  type JobStream,
  type JobStreamRequest,
  type MigrateInstanceInput,
  type ModifyInstanceInput,
  type PublishMessageInput,
  type JobResult,
  type UserTaskChangeset,
  type UserTaskView,
  type ResourceInput,
  type ThrowErrorRequest,
  type Variables,
} from './engine-api';
import { EngineError, invalidArgument } from './errors';
import type { Command, ParsedResource } from './processing/commands';
import { hasStartForm, noneStartForm } from './model/start-form';
import { parseResource } from './processing/deployment/resource-parser';
import { elementNamesOf } from './query/projection/element-names';
import { QueryApi } from './query/query-api';
import { ResultWaiters } from './processing/instance/result-waiters';
import { hasDue } from './processing/timer/due-processor';
import { JobWaiters, type Poller, type Stream } from './processing/job/job-waiters';
import { StreamProcessor } from './processing/stream-processor';
import { EngineState } from './state/engine-state';
import type { EngineStorage } from './storage/engine-storage';
import { ENGINE_VERSION } from './version';

export interface EngineOptions {
  maxQueuedCommands: number;
  /** ms; the long-polling timeout when a request gives 0 */
  defaultLongPollMs: number;
  /** ms; CreateProcessInstanceWithResult's timeout when a request gives 0 */
  defaultResultTimeoutMs?: number;
  onFatal?(error: Error): void;
}

/** How often the engine looks for jobs whose deadline or back-off has passed. */
const DUE_CHECK_INTERVAL_MS = 100;

/** The embedded engine: validates requests, hands commands to the single writer, and keeps the waiting callers. */
export class Engine implements EngineApi {
  private readonly state = new EngineState();
  readonly clock = new EngineClock(this.state.clock);
  private readonly jobWaiters = new JobWaiters();
  private readonly resultWaiters = new ResultWaiters();
  private readonly processor: StreamProcessor;
  private dueTimer: NodeJS.Timeout | undefined;
  private duePending = false;
  /** Searches over projections of the committed records (docs/decisions/0007). */
  readonly query: QueryApi;
  /** Prometheus metrics under Zeebe's names (the monitoring port's /actuator/prometheus). */
  readonly metrics: EngineMetrics;

  constructor(
    private readonly storage: EngineStorage,
    private readonly options: EngineOptions,
  ) {
    this.query = new QueryApi(storage, {
      processXml: (key) => this.state.processes.get(key)?.resource,
      decisionRequirementsXml: (key) => this.state.decisions.requirements(key)?.resource,
      elementNames: (key) =>
        this.state.processes.get(key) ? elementNamesOf(this.state.processes.model(key)) : undefined,
      startFormDefinitions: () =>
        new Set(
          this.state.processes
            .all()
            .filter((definition) => hasStartForm(this.state.processes.model(definition.key)))
            .map((definition) => definition.key),
        ),
    });
    this.metrics = new EngineMetrics({
      maxQueuedCommands: options.maxQueuedCommands,
      queued: () => this.processor.queued(),
      openIncidents: () => this.state.incidents.count(),
    });
    this.processor = new StreamProcessor(this.state, storage, this.clock, this.jobWaiters, this.resultWaiters, {
      maxQueuedCommands: options.maxQueuedCommands,
      metrics: this.metrics,
      onCommitted: (records) => this.query.committed(records),
      onFatal:
        options.onFatal ??
        ((error) => {
          console.error('engine: fatal error, stopping', error);
          process.exit(1);
        }),
    });
  }

  /** Opens the storage, loads the state and starts the scheduler. */
  async start(): Promise<void> {
    await this.storage.open();
    await this.state.load(await this.storage.loadState());
    await this.processor.start();
    await this.query.start();
    this.dueTimer = setInterval(() => this.triggerDue(), DUE_CHECK_INTERVAL_MS);
    this.dueTimer.unref();
  }

  async stop(): Promise<void> {
    if (this.dueTimer) clearInterval(this.dueTimer);
    await this.query.stop();
    await this.storage.close();
  }

  topology(): BrokerTopology {
    return {
      brokers: [
        {
          nodeId: 0,
          host: '127.0.0.1',
          port: 26501,
          version: ENGINE_VERSION,
          partitions: [{ partitionId: 1, role: 'LEADER', health: 'HEALTHY' }],
        },
      ],
      clusterSize: 1,
      partitionsCount: 1,
      replicationFactor: 1,
      gatewayVersion: ENGINE_VERSION,
    };
  }

  async deployResources(resources: ResourceInput[], tenantId?: string): Promise<DeploymentResult> {
    const tenant = checkTenant(tenantId);
    if (!resources.length) throw invalidArgument('Expected to deploy at least one resource, but none given');
    const parsed: ParsedResource[] = [];
    for (const resource of resources) parsed.push(await parseResource(resource));
    const seen = new Map<string, string>();
    const forms = new Map<string, string>();
    for (const resource of parsed) {
      const other = resource.form && forms.get(resource.form.formId);
      if (other) {
        throw invalidArgument(
          `Expected each form id to be deployed once, but '${resource.form!.formId}' is in both '${other}' and '${resource.name}'`,
        );
      }
      if (resource.form) forms.set(resource.form.formId, resource.name);
      for (const process of resource.processes) {
        const other = seen.get(process.bpmnProcessId);
        if (other) {
          throw invalidArgument(
            `Expected each process id to be deployed once, but '${process.bpmnProcessId}' is in both '${other}' and '${resource.name}'`,
          );
        }
        seen.set(process.bpmnProcessId, resource.name);
      }
    }
    return this.submit({ type: 'DEPLOY', resources: parsed, tenantId: tenant });
  }

  deleteResource(resourceKey: number): Promise<void> {
    return this.submit({ type: 'DELETE_RESOURCE', resourceKey });
  }

  createProcessInstance(request: CreateInstanceRequest): Promise<CreatedInstance> {
    return this.submit({ type: 'CREATE_INSTANCE', ...checkCreate(request) });
  }

  createProcessInstanceWithResult(request: CreateInstanceRequest, opts: AwaitOptions): Promise<InstanceResult> {
    const checked = checkCreate(request);
    return new Promise<InstanceResult>((resolve, reject) => {
      let created: CreatedInstance | undefined;
      let done = false;
      const timeoutMs =
        opts.requestTimeout && opts.requestTimeout > 0
          ? opts.requestTimeout
          : (this.options.defaultResultTimeoutMs ?? 60_000);
      const timer = setTimeout(() => {
        done = true;
        reject(
          new EngineError(
            'DEADLINE_EXCEEDED',
            `Process instance ${created?.processInstanceKey ?? ''} did not complete within ${timeoutMs} ms; it keeps running`,
          ),
        );
      }, timeoutMs);
      const finish = (fn: () => void): void => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        fn();
      };
      const waiter = {
        resolve: (variables: Variables) =>
          finish(() => resolve({ ...created!, variables: pick(variables, opts.fetchVariables) })),
        reject: (error: Error) => finish(() => reject(error)),
      };
      this.submit<CreatedInstance>({ type: 'CREATE_INSTANCE', ...checked, resultWaiter: waiter }).then(
        (instance) => (created = instance),
        (error: Error) => finish(() => reject(error)),
      );
    });
  }

  cancelProcessInstance(processInstanceKey: number): Promise<void> {
    return this.submit({ type: 'CANCEL_INSTANCE', processInstanceKey });
  }

  setVariables(elementInstanceKey: number, variables: unknown, local: boolean): Promise<number> {
    return this.submit({ type: 'SET_VARIABLES', elementInstanceKey, variables: checkDocument(variables), local });
  }

  activateJobs(request: ActivateJobsRequest, abort?: AbortSignal): Promise<ActivatedJob[]> {
    checkJobRequest(request);
    if (request.maxJobsToActivate < 1) {
      throw invalidArgument(
        `Expected to activate at least 1 job, but maxJobsToActivate was ${request.maxJobsToActivate}`,
      );
    }
    return new Promise<ActivatedJob[]>((resolve, reject) => {
      let timer: NodeJS.Timeout | undefined;
      const poller: Poller = {
        request,
        closed: false,
        deliver: (jobs) => {
          if (timer) clearTimeout(timer);
          abort?.removeEventListener('abort', onAbort);
          if (poller.closed && jobs.length) {
            for (const job of jobs) void this.submit({ type: 'YIELD_JOB', jobKey: job.key }).catch(() => undefined);
            return;
          }
          poller.closed = true;
          resolve(jobs);
        },
      };
      const giveUp = (): void => {
        this.jobWaiters.removePoller(poller);
        resolve([]);
      };
      const onAbort = (): void => {
        if (timer) clearTimeout(timer);
        giveUp();
      };
      abort?.addEventListener('abort', onAbort, { once: true });
      this.submit<ActivatedJob[] | undefined>({ type: 'ACTIVATE_JOBS', request, poller }).then((jobs) => {
        if (jobs) return poller.deliver(jobs);
        if (poller.closed) return;
        const wait =
          request.requestTimeout && request.requestTimeout > 0
            ? request.requestTimeout
            : this.options.defaultLongPollMs;
        timer = setTimeout(giveUp, wait);
      }, reject);
    });
  }

  openJobStream(request: JobStreamRequest, push: (job: ActivatedJob) => boolean): JobStream {
    checkJobRequest(request);
    const stream: Stream = { request, push, closed: false };
    this.jobWaiters.addStream(stream);
    void this.submit({ type: 'DISPATCH_JOBS' }).catch(() => undefined);
    return { close: () => this.jobWaiters.removeStream(stream) };
  }

  completeJob(jobKey: number, variables?: unknown, result?: JobResult): Promise<void> {
    return this.submit({ type: 'COMPLETE_JOB', jobKey, variables: checkDocument(variables), result });
  }

  failJob(request: FailJobRequest): Promise<void> {
    return this.submit({ type: 'FAIL_JOB', request, variables: checkDocument(request.variables) });
  }

  throwError(request: ThrowErrorRequest): Promise<void> {
    if (!request.errorCode?.trim()) throw invalidArgument('Expected an errorCode to throw, but it was blank');
    return this.submit({ type: 'THROW_ERROR', request, variables: checkDocument(request.variables) });
  }

  updateJobRetries(jobKey: number, retries: number): Promise<void> {
    if (!Number.isInteger(retries) || retries < 1) {
      throw invalidArgument(`Expected retries to be a positive number, but it was ${retries}`);
    }
    return this.submit({ type: 'UPDATE_JOB_RETRIES', jobKey, retries });
  }

  updateJobTimeout(jobKey: number, timeout: number): Promise<void> {
    if (!Number.isFinite(timeout) || timeout < 1) {
      throw invalidArgument(`Expected timeout to be at least 1 ms, but it was ${timeout}`);
    }
    return this.submit({ type: 'UPDATE_JOB_TIMEOUT', jobKey, timeout });
  }

  publishMessage(input: PublishMessageInput): Promise<{ key: number }> {
    const timeToLive = input.timeToLive ?? 0;
    if (!Number.isFinite(timeToLive) || timeToLive < 0) {
      throw invalidArgument(`Expected a time to live of 0 ms or more, but it was ${timeToLive}`);
    }
    const request = { ...checkMessage(input), timeToLive, messageId: input.messageId ?? '' };
    return this.submit({ type: 'PUBLISH_MESSAGE', request });
  }

  correlateMessage(
    input: Omit<PublishMessageInput, 'timeToLive' | 'messageId'>,
  ): Promise<{ key: number; processInstanceKey: number }> {
    return this.submit({ type: 'CORRELATE_MESSAGE', request: checkMessage(input) });
  }

  broadcastSignal(name: string, variables?: unknown, tenantId?: string): Promise<{ key: number }> {
    if (!name?.trim()) throw invalidArgument('Expected a signal name to broadcast, but it was blank');
    return this.submit({
      type: 'BROADCAST_SIGNAL',
      name,
      variables: checkDocument(variables),
      tenantId: checkTenant(tenantId),
    });
  }

  assignUserTask(userTaskKey: number, assignee: string, allowOverride = true, action = 'assign'): Promise<void> {
    if (typeof assignee !== 'string') throw invalidArgument('Expected an assignee (a string), but none was given');
    return this.submit({ type: 'ASSIGN_USER_TASK', userTaskKey, assignee, allowOverride, action });
  }

  updateUserTask(userTaskKey: number, changeset: UserTaskChangeset, action = 'update'): Promise<void> {
    return this.submit({ type: 'UPDATE_USER_TASK', userTaskKey, changeset, action });
  }

  completeUserTask(userTaskKey: number, variables?: unknown, action = 'complete'): Promise<void> {
    return this.submit({ type: 'COMPLETE_USER_TASK', userTaskKey, variables: checkDocument(variables), action });
  }

  getUserTask(userTaskKey: number): UserTaskView {
    const task = this.state.userTasks.get(userTaskKey);
    if (!task)
      throw new EngineError('NOT_FOUND', `Expected to find user task with key '${userTaskKey}', but none was found`);
    const { key, ...rest } = task;
    const definition = this.state.processes.get(task.processDefinitionKey);
    const element = definition ? this.state.processes.model(definition.key).elements.get(task.elementId) : undefined;
    return { userTaskKey: key, name: element?.name || task.elementId, ...rest };
  }

  modifyProcessInstance(input: ModifyInstanceInput): Promise<void> {
    const documents = input.activate.map((a) => (a.variables ?? []).map((v) => checkDocument(v.variables)));
    return this.submit({ type: 'MODIFY_INSTANCE', input, documents });
  }

  migrateProcessInstance(input: MigrateInstanceInput): Promise<void> {
    return this.submit({ type: 'MIGRATE_INSTANCE', input });
  }

  evaluateDecision(input: EvaluateDecisionInput): Promise<DecisionResult> {
    checkTenant(input.tenantId);
    return this.submit({ type: 'EVALUATE_DECISION', input, variables: checkDocument(input.variables) });
  }

  getResource(resourceKey: number): DeployedResource {
    const process = this.state.processes.get(resourceKey);
    if (process) {
      return {
        resourceKey,
        resourceName: process.resourceName,
        resourceId: process.bpmnProcessId,
        version: process.version,
        tenantId: process.tenantId,
        deploymentKey: process.deploymentKey,
        content: process.resource,
      };
    }
    const drg = this.state.decisions.requirements(resourceKey);
    if (drg) {
      return {
        resourceKey,
        resourceName: drg.resourceName,
        resourceId: drg.decisionRequirementsId,
        version: drg.version,
        tenantId: drg.tenantId,
        deploymentKey: drg.deploymentKey,
        content: drg.resource,
      };
    }
    const form = this.state.forms.get(resourceKey);
    if (form) {
      return {
        resourceKey,
        resourceName: form.resourceName,
        resourceId: form.formId,
        version: form.version,
        tenantId: form.tenantId,
        deploymentKey: form.deploymentKey,
        content: form.schema,
      };
    }
    throw new EngineError('NOT_FOUND', `Expected to find a resource with key '${resourceKey}', but none was found`);
  }

  getStartForm(processDefinitionKey: number) {
    const definition = this.state.processes.get(processDefinitionKey);
    if (!definition) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find process definition with key '${processDefinitionKey}', but none was found`,
      );
    }
    const formId = noneStartForm(this.state.processes.model(processDefinitionKey))?.formId;
    if (!formId) return undefined;
    const form = this.state.forms.latest(formId);
    if (!form) {
      throw new EngineError(
        'NOT_FOUND',
        `Expected to find the start form '${formId}' of process '${definition.bpmnProcessId}', but no such form is deployed`,
      );
    }
    return this.getForm(form.key);
  }

  getForm(formKey: number): { formKey: number; formId: string; version: number; schema: string; tenantId: string } {
    const form = this.state.forms.get(formKey);
    if (!form) throw new EngineError('NOT_FOUND', `Expected to find form with key '${formKey}', but none was found`);
    return {
      formKey: form.key,
      formId: form.formId,
      version: form.version,
      schema: form.schema,
      tenantId: form.tenantId,
    };
  }

  resolveIncident(incidentKey: number): Promise<void> {
    return this.submit({ type: 'RESOLVE_INCIDENT', incidentKey });
  }

  now(): number {
    return this.clock.now();
  }

  async pinClock(epochMs: number): Promise<void> {
    if (!Number.isFinite(epochMs) || epochMs < 0) {
      throw invalidArgument(`Expected the clock to be pinned to a non-negative epoch millisecond, but got ${epochMs}`);
    }
    await this.submit({ type: 'PIN_CLOCK', epochMs });
    await this.fireDue();
  }

  async resetClock(): Promise<void> {
    await this.submit({ type: 'RESET_CLOCK' });
    await this.fireDue();
  }

  /** Resolves once everything due at the current clock has been processed. */
  private async fireDue(): Promise<void> {
    if (hasDue(this.state, this.clock.now())) await this.submit({ type: 'TRIGGER_DUE' });
  }

  private triggerDue(): void {
    if (this.duePending || !hasDue(this.state, this.clock.now())) return;
    this.duePending = true;
    this.submit({ type: 'TRIGGER_DUE' })
      .catch(() => undefined)
      .finally(() => (this.duePending = false));
  }

  private submit<R>(command: Command): Promise<R> {
    return this.processor.submit<R>(command);
  }
}

function checkTenant(tenantId: string | undefined): string {
  if (!tenantId || tenantId === DEFAULT_TENANT) return DEFAULT_TENANT;
  throw invalidArgument(
    `Expected tenant '${DEFAULT_TENANT}', but got '${tenantId}': multi-tenancy is disabled in this engine`,
  );
}

function checkDocument(variables: unknown): Variables {
  if (variables === undefined || variables === null) return {};
  if (typeof variables !== 'object' || Array.isArray(variables)) {
    const kind = Array.isArray(variables) ? 'ARRAY' : typeof variables === 'string' ? 'STRING' : typeof variables;
    throw invalidArgument(`Expected document to be a root level object, but was '${kind.toUpperCase()}'`);
  }
  if (nestsDeeperThan(variables, MAX_VARIABLE_DEPTH)) {
    throw invalidArgument(`Expected document to nest at most ${MAX_VARIABLE_DEPTH} levels deep, but it nests deeper`);
  }
  return variables as Variables;
}

function checkMessage(input: Omit<PublishMessageInput, 'timeToLive' | 'messageId'>): {
  name: string;
  correlationKey: string;
  variables: Variables;
  tenantId: string;
} {
  if (!input.name?.trim()) throw invalidArgument('Expected a message name, but it was blank');
  return {
    name: input.name,
    correlationKey: input.correlationKey ?? '',
    variables: checkDocument(input.variables),
    tenantId: checkTenant(input.tenantId),
  };
}

function checkCreate(request: CreateInstanceRequest): { request: CreateInstanceRequest; variables: Variables } {
  return {
    request: { ...request, tenantId: checkTenant(request.tenantId) },
    variables: checkDocument(request.variables),
  };
}

function checkJobRequest(request: { type: string; worker: string; timeout: number; tenantIds?: string[] }): void {
  if (!request.type?.trim()) throw invalidArgument('Expected to activate jobs of a type, but the type was blank');
  if (!request.worker?.trim()) throw invalidArgument('Expected a worker name, but it was blank');
  if (!(request.timeout >= 1))
    throw invalidArgument(`Expected a job timeout of at least 1 ms, but it was ${request.timeout}`);
  for (const tenantId of request.tenantIds ?? []) checkTenant(tenantId);
}

function pick(variables: Variables, names?: string[]): Variables {
  if (!names?.length) return variables;
  return Object.fromEntries(names.filter((n) => n in variables).map((n) => [n, variables[n]]));
}

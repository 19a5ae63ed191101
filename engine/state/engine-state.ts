import { transformBpmn } from '../model/bpmn-transformer';
import type { ExecutableProcess } from '../model/executable-model';
import type { StateRow } from '../storage/engine-storage';
import { ClockState } from './clock-state';
import { DirtyTracker } from './dirty-tracker';
import { ElementInstanceStore } from './element-instance-state';
import type {
  Decision,
  DecisionRequirements,
  ElementInstance,
  FormDefinition,
  Incident,
  Job,
  ProcessDefinition,
  UserTask,
  VariableEntry,
} from './entities';
import type { BufferedMessage, EventSubscription } from './event-entities';
import { EventSubscriptionStore } from './event-subscription-state';
import { IncidentStore } from './incident-state';
import { JobStore } from './job-state';
import { KeyGenerator } from './key-generator';
import { MessageStore } from './message-state';
import { DecisionStore } from './decision-state';
import { FormStore } from './form-state';
import { parseDmn } from '../dmn';
import { UserTaskStore } from './user-task-state';
import { ProcessState } from './process-state';
import { VariableStore } from './variable-state';

/** All live state of the engine. Only appliers change it; processors read it. */
export class EngineState {
  readonly dirty = new DirtyTracker();
  readonly keys = new KeyGenerator(this.dirty);
  readonly clock = new ClockState(this.dirty);
  readonly processes = new ProcessState(this.dirty);
  readonly elementInstances = new ElementInstanceStore(this.dirty);
  readonly variables = new VariableStore(this.dirty);
  readonly jobs = new JobStore(this.dirty);
  readonly incidents = new IncidentStore(this.dirty);
  readonly subscriptions = new EventSubscriptionStore(this.dirty);
  readonly messages = new MessageStore(this.dirty);
  readonly forms = new FormStore(this.dirty);
  readonly decisions = new DecisionStore(this.dirty);
  readonly userTasks = new UserTaskStore(this.dirty);

  /** Rebuilds the state from stored rows; process models are transformed again from their stored XML. */
  async load(rows: StateRow[]): Promise<void> {
    const modelsByResource = new Map<string, ExecutableProcess[]>();
    for (const row of rows) {
      const value: unknown = JSON.parse(row.value);
      switch (row.cf) {
        case 'meta':
          if (row.key === 'keyCounter') this.keys.load(value as number);
          else if (row.key === 'clockPin') this.clock.load(value as number);
          break;
        case 'process': {
          const definition = value as ProcessDefinition;
          const cacheKey = `${definition.resourceName}\u0000${definition.checksum}`;
          let models = modelsByResource.get(cacheKey);
          if (!models) {
            models = await transformBpmn(definition.resourceName, definition.resource);
            modelsByResource.set(cacheKey, models);
          }
          const model = models.find((m) => m.bpmnProcessId === definition.bpmnProcessId);
          if (!model) throw new Error(`stored process ${definition.bpmnProcessId} is missing from its resource`);
          this.processes.load(definition, model);
          break;
        }
        case 'processVersion':
          this.processes.loadHighestVersion(row.key, value as number);
          break;
        case 'elementInstance':
          this.elementInstances.load(value as ElementInstance);
          break;
        case 'variable':
          this.variables.load(value as VariableEntry);
          break;
        case 'job':
          this.jobs.load(value as Job);
          break;
        case 'incident':
          this.incidents.load(value as Incident);
          break;
        case 'subscription':
          this.subscriptions.load(value as EventSubscription);
          break;
        case 'message':
          this.messages.load(value as BufferedMessage);
          break;
        case 'decisionRequirements': {
          const drg = value as DecisionRequirements;
          this.decisions.loadRequirements(drg, await parseDmn(drg.resourceName, drg.resource));
          break;
        }
        case 'decision':
          this.decisions.loadDecision(value as Decision);
          break;
        case 'form':
          this.forms.load(value as FormDefinition);
          break;
        case 'userTask':
          this.userTasks.load(value as UserTask);
          break;
        case 'messageStart':
          this.messages.loadStartedInstance(row.key, value as number);
          break;
        default:
          throw new Error(`unknown state column family '${row.cf}'`);
      }
    }
    // Loading must not count as a change.
    this.dirty.drain();
  }
}

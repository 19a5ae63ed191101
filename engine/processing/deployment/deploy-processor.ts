import type { DeploymentResult } from '../../engine-api';
import type { ProcessDefinition } from '../../state/entities';
import type { ParsedResource } from '../commands';
import type { CommandProcessor } from '../command-context';
import { invalidArgument } from '../../errors';
import { deployDecisions, isDuplicateDecisions } from './decision-deployment';
import { deployForm, isDuplicateForm } from './form-deployment';
import { closeStartEvents, openStartEvents, planStartEvents } from './start-event-subscriptions';

/**
 * A deployment is atomic. A resource identical (name and checksum) to the latest version of its processes is a
 * duplicate and keeps its version and key, unless another resource of the deployment changed: then all get new
 * versions. Version numbers are never reused.
 */
export const deployProcessor: CommandProcessor<{ resources: ParsedResource[]; tenantId: string }, DeploymentResult> = (
  ctx,
  { resources, tenantId },
) => {
  const isDuplicate = (resource: ParsedResource): boolean => {
    if (resource.form) return isDuplicateForm(ctx, resource, resource.form.formId);
    if (resource.drg) return isDuplicateDecisions(ctx, resource, resource.drg);
    return resource.processes.every((process) => {
      const latest = ctx.state.processes.latest(process.bpmnProcessId);
      return latest?.checksum === resource.checksum && latest.resourceName === resource.name;
    });
  };
  const allDuplicates = resources.every(isDuplicate);
  // Start events are planned before anything is written: a timer that does not evaluate refuses the deployment.
  const plans = new Map<string, ReturnType<typeof planStartEvents>>();
  for (const model of resources.flatMap((r) => r.processes)) {
    const plan = planStartEvents(model, ctx.now());
    if (typeof plan === 'string') {
      throw invalidArgument(`Expected to deploy process '${model.bpmnProcessId}', but ${plan}`);
    }
    plans.set(model.bpmnProcessId, plan);
  }
  const deploymentKey = ctx.state.keys.next();
  const result: DeploymentResult = {
    deploymentKey,
    tenantId,
    processes: [],
    decisions: [],
    decisionRequirements: [],
    forms: [],
  };
  for (const resource of resources) {
    for (const model of resource.processes) {
      const existing = ctx.state.processes.latest(model.bpmnProcessId);
      let definition: ProcessDefinition;
      if (allDuplicates && existing) {
        definition = existing;
      } else {
        definition = {
          key: ctx.state.keys.next(),
          bpmnProcessId: model.bpmnProcessId,
          version: ctx.state.processes.nextVersion(model.bpmnProcessId),
          resourceName: resource.name,
          checksum: resource.checksum,
          resource: resource.content,
          deploymentKey,
          tenantId,
          deployedAt: ctx.now(),
        };
        const { resource: _xml, ...recordValue } = definition;
        if (existing) closeStartEvents(ctx, existing.key);
        ctx.writer.append('PROCESS', 'CREATED', definition.key, recordValue, { definition, model });
        openStartEvents(
          ctx,
          definition,
          plans.get(model.bpmnProcessId) as Exclude<ReturnType<typeof planStartEvents>, string>,
        );
      }
      result.processes.push({
        bpmnProcessId: definition.bpmnProcessId,
        version: definition.version,
        processDefinitionKey: definition.key,
        resourceName: definition.resourceName,
        tenantId: definition.tenantId,
      });
    }
  }
  for (const resource of resources) {
    if (!resource.drg) continue;
    const deployed = deployDecisions(ctx, resource, resource.drg, deploymentKey, tenantId, allDuplicates);
    result.decisions.push(...deployed.decisions);
    result.decisionRequirements.push(deployed.decisionRequirements);
  }
  for (const resource of resources) {
    if (resource.form) {
      result.forms.push(deployForm(ctx, resource, resource.form.formId, deploymentKey, tenantId, allDuplicates));
    }
  }
  ctx.writer.append('DEPLOYMENT', 'CREATED', deploymentKey, {
    tenantId,
    resources: resources.map((r) => ({ resourceName: r.name, checksum: r.checksum })),
    processesMetadata: result.processes,
  });
  return result;
};

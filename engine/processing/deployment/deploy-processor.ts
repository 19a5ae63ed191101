import type { DeploymentResult } from '../../engine-api';
import type { ProcessDefinition } from '../../state/entities';
import type { ParsedResource } from '../commands';
import type { CommandContext, CommandProcessor } from '../command-context';
import { invalidArgument } from '../../errors';
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
    if (resource.form) {
      const latest = ctx.state.forms.latest(resource.form.formId);
      return latest?.checksum === resource.checksum && latest.resourceName === resource.name;
    }
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
    if (resource.form)
      result.forms.push(deployForm(ctx, resource, resource.form.formId, deploymentKey, tenantId, allDuplicates));
  }
  ctx.writer.append('DEPLOYMENT', 'CREATED', deploymentKey, {
    tenantId,
    resources: resources.map((r) => ({ resourceName: r.name, checksum: r.checksum })),
    processesMetadata: result.processes,
  });
  return result;
};

/** A form gets the next version of its id unless the whole deployment is a duplicate (as for processes). */
function deployForm(
  ctx: CommandContext,
  resource: ParsedResource,
  formId: string,
  deploymentKey: number,
  tenantId: string,
  allDuplicates: boolean,
): Record<string, unknown> {
  const latest = ctx.state.forms.latest(formId);
  const form =
    allDuplicates && latest
      ? latest
      : {
          key: ctx.state.keys.next(),
          formId,
          version: (latest?.version ?? 0) + 1,
          resourceName: resource.name,
          checksum: resource.checksum,
          schema: resource.content,
          deploymentKey,
          tenantId,
        };
  if (form !== latest) {
    const { key, ...value } = form;
    ctx.writer.append('FORM', 'CREATED', key, value);
  }
  return { formId, version: form.version, formKey: form.key, resourceName: form.resourceName, tenantId };
}

import { failedPrecondition, notFound } from '../../errors';
import type { CommandProcessor } from '../command-context';
import { closeStartEvents, openStartEvents, planStartEvents } from './start-event-subscriptions';

/**
 * Deletes a deployed resource: a process definition (refused while it has running instances; the previous version
 * becomes the latest), a decision requirements graph with its decisions, or a form.
 */
export const deleteResourceProcessor: CommandProcessor<{ resourceKey: number }, void> = (ctx, { resourceKey }) => {
  const form = ctx.state.forms.get(resourceKey);
  if (form) {
    const { key, schema: _schema, ...value } = form;
    ctx.writer.append('FORM', 'DELETED', key, value);
    ctx.writer.append('RESOURCE_DELETION', 'DELETED', ctx.state.keys.next(), { resourceKey, tenantId: form.tenantId });
    return;
  }
  const requirements = ctx.state.decisions.requirements(resourceKey);
  if (requirements) {
    for (const decision of ctx.state.decisions.decisionsOf(resourceKey)) {
      const { key, ...value } = decision;
      ctx.writer.append('DECISION', 'DELETED', key, value);
    }
    const { key, resource: _xml, ...value } = requirements;
    ctx.writer.append('DECISION_REQUIREMENTS', 'DELETED', key, value);
    ctx.writer.append('RESOURCE_DELETION', 'DELETED', ctx.state.keys.next(), {
      resourceKey,
      tenantId: requirements.tenantId,
    });
    return;
  }
  const definition = ctx.state.processes.get(resourceKey);
  if (!definition) {
    throw notFound(`Expected to delete resource but no resource found with key '${resourceKey}'`);
  }
  const running = ctx.state.elementInstances.runningInstancesOf(resourceKey);
  if (running > 0) {
    throw failedPrecondition(
      `Expected to delete process definition '${definition.bpmnProcessId}' version ${definition.version} (key ${resourceKey}), but it has ${running} running instance(s); cancel or finish them first`,
    );
  }
  const { resource: _xml, ...value } = definition;
  const wasLatest = ctx.state.processes.latest(definition.bpmnProcessId)?.key === resourceKey;
  closeStartEvents(ctx, resourceKey);
  ctx.writer.append('PROCESS', 'DELETED', resourceKey, value);
  // The previous version becomes the latest, and its start events listen again.
  const previous = wasLatest ? ctx.state.processes.latest(definition.bpmnProcessId) : undefined;
  if (previous) {
    const plan = planStartEvents(ctx.state.processes.model(previous.key), ctx.now());
    if (typeof plan !== 'string') openStartEvents(ctx, previous, plan);
  }
  ctx.writer.append('RESOURCE_DELETION', 'DELETED', ctx.state.keys.next(), {
    resourceKey,
    tenantId: definition.tenantId,
  });
};

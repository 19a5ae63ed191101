import type { ResourceSpec } from '../search-executor';
import { date, key, type Row } from './render';

/** Message subscriptions of process instances (engine_q_message_subscriptions). */
export const messageSubscriptionResource: ResourceSpec<Record<string, unknown>> = {
  name: 'message subscription',
  table: 'engine_q_message_subscriptions',
  keyField: 'messageSubscriptionKey',
  keyColumn: 't.message_subscription_key',
  filters: {
    messageSubscriptionKey: { column: 't.message_subscription_key', kind: 'key' },
    processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
    processInstanceKey: { column: 't.process_instance_key', kind: 'key' },
    elementId: { column: 't.element_id', kind: 'string' },
    elementInstanceKey: { column: 't.element_instance_key', kind: 'key' },
    messageSubscriptionState: { column: 't.state', kind: 'string' },
    lastUpdatedDate: { column: 't.last_updated', kind: 'date' },
    messageName: { column: 't.message_name', kind: 'string' },
    correlationKey: { column: 't.correlation_key', kind: 'string' },
    tenantId: { column: 't.tenant_id', kind: 'string' },
  },
  sorts: {
    messageSubscriptionKey: 't.message_subscription_key',
    processDefinitionId: 't.bpmn_process_id',
    processInstanceKey: 't.process_instance_key',
    elementId: 't.element_id',
    elementInstanceKey: 't.element_instance_key',
    messageSubscriptionState: 't.state',
    lastUpdatedDate: 't.last_updated',
    messageName: 't.message_name',
    correlationKey: 't.correlation_key',
    tenantId: 't.tenant_id',
  },
  toItem: (r: Row) => ({
    messageSubscriptionKey: key(r.message_subscription_key),
    processDefinitionId: String(r.bpmn_process_id),
    processDefinitionKey: key(r.process_definition_key),
    processInstanceKey: key(r.process_instance_key),
    elementId: String(r.element_id),
    elementInstanceKey: key(r.element_instance_key),
    messageSubscriptionState: String(r.state),
    lastUpdatedDate: date(r.last_updated),
    messageName: String(r.message_name),
    correlationKey: String(r.correlation_key),
    tenantId: String(r.tenant_id),
  }),
};

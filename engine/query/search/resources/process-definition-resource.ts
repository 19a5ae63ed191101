import { invalidArgument } from '../../../errors';
import type { ResourceSpec } from '../search-executor';
import { compact, key, text, type Row } from './render';

/**
 * Deployed process definitions (engine_q_process_definitions); deleted ones leave the table. `hasStartForm` comes
 * from the deployed models (`startForms`: the keys of definitions whose none start event links a form).
 */
export function processDefinitionResource(startForms: ReadonlySet<number>): ResourceSpec<Record<string, unknown>> {
  return {
    name: 'process definition',
    table: 'engine_q_process_definitions',
    keyField: 'processDefinitionKey',
    keyColumn: 't.process_definition_key',
    filters: {
      processDefinitionKey: { column: 't.process_definition_key', kind: 'key' },
      processDefinitionId: { column: 't.bpmn_process_id', kind: 'string' },
      name: { column: 't.name', kind: 'string' },
      version: { column: 't.version', kind: 'int' },
      versionTag: { column: 't.version_tag', kind: 'string' },
      resourceName: { column: 't.resource_name', kind: 'string' },
      tenantId: { column: 't.tenant_id', kind: 'string' },
      isLatestVersion: {
        custom: (value, where) => {
          if (typeof value !== 'boolean') throw invalidArgument("The filter 'isLatestVersion' needs a boolean.");
          where.add(
            `t.version ${value ? '=' : '<'} (SELECT MAX(l.version) FROM engine_q_process_definitions l ` +
              'WHERE l.bpmn_process_id = t.bpmn_process_id AND l.tenant_id = t.tenant_id)',
          );
        },
      },
      hasStartForm: {
        custom: (value, where) => {
          if (typeof value !== 'boolean') throw invalidArgument("The filter 'hasStartForm' needs a boolean.");
          const keys = [...startForms];
          if (!keys.length) where.add(value ? '1 = 0' : '1 = 1');
          else
            where.add(
              `t.process_definition_key ${value ? 'IN' : 'NOT IN'} (${keys.map(() => '?').join(', ')})`,
              ...keys,
            );
        },
      },
    },
    sorts: {
      processDefinitionKey: 't.process_definition_key',
      name: "COALESCE(t.name, '')",
      resourceName: 't.resource_name',
      version: 't.version',
      versionTag: "COALESCE(t.version_tag, '')",
      processDefinitionId: 't.bpmn_process_id',
      tenantId: 't.tenant_id',
    },
    toItem: (r: Row) =>
      compact({
        processDefinitionKey: key(r.process_definition_key),
        processDefinitionId: String(r.bpmn_process_id),
        name: text(r.name),
        version: Number(r.version),
        versionTag: text(r.version_tag),
        resourceName: String(r.resource_name),
        tenantId: String(r.tenant_id),
        hasStartForm: startForms.has(Number(r.process_definition_key)),
      }),
  };
}

/**
 * The three kinds of case (业扩 application, 变更 application, 95598 order) seen alike by the case lifecycle
 * (decision 0023): each area describes its table — the number column (the process's businessKey), the state column,
 * which states are closed (a cancelled case takes `cancelled`) — and these read and cancel through it.
 */
import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';

export interface CaseTable {
  kind: string;
  model: ModelStatic<Model>;
  numberField: string;
  stateField: string;
  /** The states of a case that has ended (`cancelled` among them); every other state is open. */
  closedStates: readonly string[];
}

export interface OpenCase {
  kind: string;
  businessKey: string;
  processInstanceKey: string;
}

const openWhere = (table: CaseTable, extra: WhereOptions = {}): WhereOptions => ({
  ...extra,
  [table.stateField]: { [Op.notIn]: table.closedStates },
});

/** The open cases of a table that have a process instance. */
export async function openCasesOf(table: CaseTable): Promise<OpenCase[]> {
  const rows = await table.model.findAll({
    where: openWhere(table, { processInstanceKey: { [Op.ne]: null } }),
    attributes: [table.numberField, 'processInstanceKey'],
    raw: true,
  });
  return (rows as unknown as Record<string, string>[]).map((row) => ({
    kind: table.kind,
    businessKey: row[table.numberField],
    processInstanceKey: String(row.processInstanceKey),
  }));
}

export async function isCaseOpen(table: CaseTable, businessKey: string): Promise<boolean> {
  return (await table.model.count({ where: openWhere(table, { [table.numberField]: businessKey }) })) > 0;
}

/** Sets an open case's state to `cancelled`; false when the case is not open (or not of this table). */
export async function markCaseCancelled(table: CaseTable, businessKey: string): Promise<boolean> {
  const [changed] = await table.model.update(
    { [table.stateField]: 'cancelled' },
    { where: openWhere(table, { [table.numberField]: businessKey }) },
  );
  return changed > 0;
}

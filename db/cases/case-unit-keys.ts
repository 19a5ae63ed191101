/**
 * The business keys of the cases of every area (业扩, 变更用电, 95598, arrears) by their unit: those of one unit (the
 * monitor's unit filter), and those whose unit is outside a set of units, read in one statement of index ranges: below the first unit, between each two, above the last, and no
 * unit. Every tasklist and dashboard request asks it (decision 0025); written as `unit NOT IN (…)` it read every
 * case of every unit each time (43 ms over 110,000 orders on SQLite, the tasklist's largest cost), and SQLite
 * chooses a whole scan for an OR of several ranges too. Each SELECT of the UNION ALL holds one range, so SQLite and
 * MariaDB both search the unit's index and read only the rows they return (decision 0065).
 *
 * The units are sorted here, in JavaScript; unit codes are upper-case letters, digits and hyphens, which every
 * collation the databases use orders alike. Were a database to order two of them otherwise, a range between them
 * would come out empty and a unit asked for could be counted outside, never a unit outside left out: each value
 * outside lies above the first unit and below the last, or in a range of its own, so some range between two
 * neighbours in the list still holds it.
 */
import { QueryTypes, type Model, type ModelStatic } from 'sequelize';
import { Application } from '../business-expansion';
import { ChangeApplication } from '../change-of-use/change-of-use-models';
import { ArrearsCase } from '../collection/collection-models';
import { WorkOrder } from '../work-orders';

interface CaseUnitColumns {
  model: ModelStatic<Model>;
  key: string;
  unit: string;
}

const CASE_UNITS: CaseUnitColumns[] = [
  { model: Application, key: 'applicationNo', unit: 'unitCode' },
  { model: ChangeApplication, key: 'applicationNo', unit: 'unitCode' },
  { model: WorkOrder, key: 'orderNo', unit: 'handlingUnit' },
  { model: ArrearsCase, key: 'caseNo', unit: 'unitCode' },
];

/** A condition on a unit column `c` (one index range) and the values it is given. */
interface UnitRange {
  condition: (c: string) => string;
  values: string[];
}

/** The conditions on a unit column `c` that together cover every value outside `sorted`, each one index range. */
function rangesOutside(sorted: string[]): UnitRange[] {
  if (sorted.length === 0) return [{ condition: (c) => `${c} IS NOT NULL`, values: [] }, ...noUnit];
  return [
    { condition: (c) => `${c} < ?`, values: [sorted[0]] },
    ...sorted
      .slice(1)
      .map((unit, i) => ({ condition: (c: string) => `${c} > ? AND ${c} < ?`, values: [sorted[i], unit] })),
    { condition: (c) => `${c} > ?`, values: [sorted[sorted.length - 1]] },
    ...noUnit,
  ];
}

const noUnit: UnitRange[] = [{ condition: (c) => `${c} IS NULL`, values: [] }];

/** The cases whose unit lies outside `units` or who have none. */
export const caseKeysOutsideUnits = (units: string[]): Promise<string[]> =>
  caseKeysIn(rangesOutside([...new Set(units)].sort()));

/** The cases one unit owns. */
export const caseKeysOfUnit = (unit: string): Promise<string[]> =>
  caseKeysIn([{ condition: (c) => `${c} = ?`, values: [unit] }]);

/** Every area's cases whose unit falls in one of `ranges`, as one UNION ALL of one range per SELECT. */
async function caseKeysIn(ranges: UnitRange[]): Promise<string[]> {
  const sequelize = Application.sequelize!;
  const quote = (name: string) => sequelize.getQueryInterface().quoteIdentifier(name);
  const selects: string[] = [];
  const replacements: string[] = [];
  for (const { model, key, unit } of CASE_UNITS) {
    const attributes = model.getAttributes();
    const table = quote(String(model.getTableName()));
    const [keyColumn, unitColumn] = [quote(attributes[key].field!), quote(attributes[unit].field!)];
    for (const range of ranges) {
      selects.push(`SELECT ${keyColumn} AS case_key FROM ${table} WHERE ${range.condition(unitColumn)}`);
      replacements.push(...range.values);
    }
  }
  const rows = await sequelize.query<{ case_key: string }>(selects.join(' UNION ALL '), {
    replacements,
    type: QueryTypes.SELECT,
  });
  return rows.map((row) => row.case_key);
}

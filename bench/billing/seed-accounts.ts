/**
 * The bench's section straight into the application database in bulk (multi-row inserts in transactions): half
 * residential accounts on the monthly tiers (three months of total readings), half commercial single-part accounts
 * adjusted on the 0.90 power-factor standard (total last month and this month, reactive this month).
 */
import type { QueryInterface, Sequelize } from 'sequelize';

const BATCH = 2_000;

async function insert(sequelize: Sequelize, table: string, rows: Record<string, unknown>[]) {
  const queryInterface: QueryInterface = sequelize.getQueryInterface();
  for (let start = 0; start < rows.length; start += BATCH)
    await sequelize.transaction((transaction) =>
      queryInterface.bulkInsert(table, rows.slice(start, start + BATCH), { transaction }),
    );
}

/** Rows for `count` accounts, generated a batch at a time so the seed never holds the 300,000 readings at once. */
export async function seedSection(sequelize: Sequelize, count: number, period: string, periods: string[]) {
  const [before2, before1] = periods;
  const now = new Date();
  await sequelize
    .getQueryInterface()
    .bulkInsert('reading_sections', [
      { id: 1, code: 'BENCH', name: '基准测试抄表段', unit_code: 'SH-PD', reading_day: 25 },
    ]);
  const sectionId = 1;
  for (let first = 1; first <= count; first += 10_000) {
    const ids = Array.from({ length: Math.min(10_000, count - first + 1) }, (_, index) => first + index);
    const residential = (id: number) => id % 2 === 0;
    await insert(
      sequelize,
      'customers',
      ids.map((id) => ({
        id,
        customer_no: `BC${id}`,
        kind: 'person',
        name: `基准用户${id}`,
        id_number: `BENCH${id}`,
        phone: `139${String(id).padStart(8, '0')}`,
        address: '上海市浦东新区基准路',
        area: 'SH-PD',
        area_type: 'urban',
        important: false,
        created_at: now,
        updated_at: now,
      })),
    );
    await insert(
      sequelize,
      'accounts',
      ids.map((id) => ({
        id,
        account_no: `BA${id}`,
        customer_id: id,
        address: '上海市浦东新区基准路',
        voltage: residential(id) ? '220V' : '380V',
        capacity_kva: residential(id) ? 8 : 160,
        category: residential(id) ? 'residential' : 'commercial',
        status: 'active',
        created_at: now,
        updated_at: now,
      })),
    );
    await insert(
      sequelize,
      'account_tariffs',
      ids.map((id) => ({
        account_id: id,
        effective_from: '2020-01-01',
        kind: residential(id) ? 'residential-tiered' : 'single-part',
        power_factor_standard: residential(id) ? null : '0.90',
        time_of_use: false,
        rule_scope: '*',
        created_by: 'bench',
        created_at: now,
      })),
    );
    await insert(
      sequelize,
      'be_metering_points',
      ids.map((id) => ({
        id,
        point_no: `BP${id}`,
        application_no: `BX${id}`,
        account_id: id,
        location: '表箱',
        metering_method: '低供低计',
        created_at: now,
        updated_at: now,
      })),
    );
    await insert(
      sequelize,
      'be_meters',
      ids.map((id) => ({
        id,
        asset_no: `BM${id}`,
        metering_point_id: id,
        spec: '智能表',
        created_at: now,
        updated_at: now,
      })),
    );
    await insert(
      sequelize,
      'reading_section_accounts',
      ids.map((id) => ({ section_id: sectionId, account_id: id })),
    );
    const reading = (id: number, register: string, month: string, value: number) => ({
      account_id: id,
      meter_id: id,
      register,
      period: month,
      value,
      read_at: now,
      source: 'import',
      recorded_by: 'bench',
      recorded_at: now,
    });
    await insert(
      sequelize,
      'meter_readings',
      ids.flatMap((id) => {
        const base = 1_000 + (id % 97) * 10;
        const use = residential(id) ? 80 + (id % 300) : 2_000 + (id % 5_000);
        return residential(id)
          ? [
              reading(id, 'total', before2, base - use),
              reading(id, 'total', before1, base),
              reading(id, 'total', period, base + use),
            ]
          : [
              reading(id, 'total', before1, base),
              reading(id, 'total', period, base + use),
              reading(id, 'reactive', period, use * 0.6),
            ];
      }),
    );
  }
  return sectionId;
}

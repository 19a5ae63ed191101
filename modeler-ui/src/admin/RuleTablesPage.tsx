/**
 * The time-limit and fee tables, read-only (`/rule-tables?table=<decision id>`): each as the engine runs it now,
 * with its version and the file in bpmn/ where analysts change it (in the modeler, then deployed). Entries are
 * shown as written in the table (FEEL), as data.
 */
import { Alert, Descriptions, Table, Tabs, Tag, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { TAG_COLOURS } from './tag-colours';
import { LoadFailed } from '../shell/LoadFailed';

interface DecisionTable {
  name: string;
  description: string | null;
  hitPolicy: string;
  inputs: { label: string; expression: string }[];
  outputs: { label: string; name: string }[];
  rules: { description: string | null; inputs: string[]; outputs: string[] }[];
}

interface RuleTable {
  decisionId: string;
  kind: 'time-limit' | 'fee';
  file: string;
  version: number | null;
  table: DecisionTable | null;
}

type Row = DecisionTable['rules'][number] & { n: number };

function RuleTableView({ item }: { item: RuleTable }) {
  const { t } = useI18n();
  const table = item.table;
  return (
    <>
      <Alert
        type="info"
        showIcon
        data-testid="rule-table-where"
        title={t('admin.rules.where', { file: item.file })}
        style={{ marginBottom: 12 }}
      />
      {!table ? (
        <Alert type="warning" showIcon title={t('admin.rules.notDeployed')} />
      ) : (
        <>
          <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
            <Descriptions.Item label={t('admin.rules.name')}>
              <Data>{table.name}</Data>
            </Descriptions.Item>
            <Descriptions.Item label={t('admin.rules.version')}>{item.version}</Descriptions.Item>
            <Descriptions.Item label={t('admin.rules.hitPolicy')}>{table.hitPolicy}</Descriptions.Item>
            {table.description && (
              <Descriptions.Item label={t('admin.rules.description')}>
                <Data>{table.description}</Data>
              </Descriptions.Item>
            )}
          </Descriptions>
          <Table<Row>
            rowKey="n"
            size="small"
            bordered
            data-testid="rule-table"
            scroll={{ x: true }}
            pagination={false}
            dataSource={table.rules.map((rule, i) => ({ ...rule, n: i + 1 }))}
            columns={[
              { title: '#', dataIndex: 'n', width: 48 },
              ...table.inputs.map((input, i) => ({
                title: <Data>{input.label || input.expression}</Data>,
                key: `in-${i}`,
                render: (_: unknown, row: Row) => <Data>{row.inputs[i]}</Data>,
              })),
              ...table.outputs.map((output, i) => ({
                title: (
                  <Data>
                    <Tag color={TAG_COLOURS.neutral}>{output.label || output.name}</Tag>
                  </Data>
                ),
                key: `out-${i}`,
                render: (_: unknown, row: Row) => <Data>{row.outputs[i]}</Data>,
              })),
              {
                title: t('admin.rules.ruleNote'),
                key: 'note',
                render: (_: unknown, row: Row) => <Data>{row.description}</Data>,
              },
            ]}
          />
        </>
      )}
    </>
  );
}

export function RuleTablesPage() {
  const { t } = useI18n();
  const { params, update } = useUrlQuery();
  const tables = useApi<{ items: RuleTable[] }>('/admin/rule-tables');
  const items = tables.data?.items ?? [];
  const chosen = items.find((item) => item.decisionId === params.get('table'))?.decisionId ?? items[0]?.decisionId;
  return (
    <section aria-labelledby="rule-tables-title">
      <Typography.Title level={1} id="rule-tables-title" style={{ fontSize: 20 }}>
        {t('admin.rules.title')}
      </Typography.Title>
      <LoadFailed error={tables.error} />
      <Tabs
        activeKey={chosen}
        onChange={(key) => update({ table: key })}
        items={items.map((item) => ({
          key: item.decisionId,
          label: (
            <span>
              {t(`admin.rules.kind.${item.kind}`)} · {item.decisionId}
            </span>
          ),
          children: <RuleTableView item={item} />,
        }))}
      />
    </section>
  );
}

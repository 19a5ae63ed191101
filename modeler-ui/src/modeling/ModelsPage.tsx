/**
 * The analysts' list of models: processes, decisions and forms, each with what it defines, its latest version and
 * who last saved its draft. The kind filter and the page are in the URL. The list is one answer (some dozens of
 * files), paged here.
 */
import { Link } from 'react-router';
import { Alert, Segmented, Space, Table, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useUrlQuery } from '../shell/use-url-query';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';

interface ModelItem {
  resource: string;
  kind: 'bpmn' | 'dmn' | 'form';
  defines: { id: string; name: string | null }[];
  latestVersion: number | null;
  draft: { revision: number; savedBy: string; savedAt: string } | null;
}

const KINDS = ['all', 'bpmn', 'dmn', 'form'] as const;

export function ModelsPage() {
  const { t, apiText, dateTime } = useI18n();
  const { params, update } = useUrlQuery();
  const kind = (params.get('kind') ?? 'all') as (typeof KINDS)[number];
  const page = Number(params.get('page') ?? 1);
  const models = useApi<{ items: ModelItem[] }>('/models');
  const items = (models.data?.items ?? []).filter((item) => kind === 'all' || item.kind === kind);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('models.title')}</Typography.Title>
      <Segmented
        aria-label={t('models.kind')}
        value={kind}
        onChange={(value) => update({ kind: value === 'all' ? undefined : String(value), page: undefined })}
        options={KINDS.map((value) => ({ value, label: t(`models.kind.${value}`) }))}
      />
      {models.error && <Alert type="error" showIcon role="alert" title={apiText(models.error.message)} />}
      <Table<ModelItem>
        rowKey="resource"
        size="small"
        loading={models.loading}
        dataSource={items}
        pagination={{
          current: page,
          pageSize: 20,
          onChange: (next) => update({ page: next === 1 ? undefined : String(next) }),
        }}
        columns={[
          {
            title: t('models.column.resource'),
            render: (_, row) => (
              <Link to={`/models/${encodeURIComponent(row.resource)}`} data-testid="model-link">
                <Data>{row.resource}</Data>
              </Link>
            ),
          },
          { title: t('models.column.kind'), render: (_, row) => t(`models.kind.${row.kind}`) },
          {
            title: t('models.column.defines'),
            render: (_, row) => <Data>{row.defines.map((item) => item.name ?? item.id).join('、')}</Data>,
          },
          { title: t('models.column.version'), render: (_, row) => row.latestVersion ?? '—' },
          {
            title: t('models.column.draft'),
            render: (_, row) =>
              row.draft ? (
                <span>
                  <Data>{row.draft.savedBy}</Data> · {dateTime(row.draft.savedAt)}
                </span>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </Space>
  );
}

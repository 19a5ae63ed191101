/** The open tasks now, per group and per person, with how many of them are overdue. */
import { Alert } from 'antd';
import { useApi } from '../api/useApi';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { FigureCard } from './FigureCard';

interface BacklogRow {
  key: string | null;
  open: number;
  overdue: number;
}

export function BacklogTab({ unit }: { unit: string | undefined }) {
  const { t, apiText } = useI18n();
  const loaded = useApi<{ byGroup: BacklogRow[]; byAssignee: BacklogRow[] }>(
    `/dashboards/backlog${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`,
  );
  if (loaded.error)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={t('common.loadFailed', { message: apiText(loaded.error.message) })}
      />
    );
  if (!loaded.data) return null;
  const card = (id: string, title: string, keyTitle: string, none: string, rows: BacklogRow[]) => (
    <FigureCard
      id={id}
      title={title}
      rows={rows}
      rowKey={(row) => row.key ?? ''}
      columns={[
        {
          title: keyTitle,
          value: (row) => row.key ?? none,
          render: (row) => (row.key ? <Data>{row.key}</Data> : none),
        },
        { title: t('dashboards.open'), value: (row) => row.open },
        { title: t('dashboards.overdue'), value: (row) => row.overdue },
      ]}
      chart={{
        category: (row) => row.key ?? none,
        series: [
          { name: t('dashboards.open'), value: (row) => row.open },
          { name: t('dashboards.overdue'), value: (row) => row.overdue },
        ],
      }}
      fileName={`${id}.csv`}
    />
  );
  return (
    <>
      {card(
        'backlog-group',
        t('dashboards.backlogByGroup'),
        t('dashboards.group'),
        t('dashboards.noGroup'),
        loaded.data.byGroup,
      )}
      {card(
        'backlog-person',
        t('dashboards.backlogByPerson'),
        t('dashboards.person'),
        t('dashboards.unassigned'),
        loaded.data.byAssignee,
      )}
    </>
  );
}

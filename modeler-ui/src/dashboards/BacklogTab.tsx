/** The open tasks now, per group and per person, with how many of them are overdue. */
import { Figures } from './Figures';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { FigureCard } from './FigureCard';

interface BacklogRow {
  key: string | null;
  open: number;
  overdue: number;
}

interface Backlog {
  byGroup: BacklogRow[];
  byAssignee: BacklogRow[];
}

export function BacklogTab({ unit }: { unit: string | undefined }) {
  return (
    <Figures<Backlog> path={`/dashboards/backlog${unit ? `?unit=${encodeURIComponent(unit)}` : ''}`}>
      {(data) => <BacklogFigures data={data} />}
    </Figures>
  );
}

function BacklogFigures({ data }: { data: Backlog }) {
  const { t } = useI18n();
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
        data.byGroup,
      )}
      {card(
        'backlog-person',
        t('dashboards.backlogByPerson'),
        t('dashboards.person'),
        t('dashboards.unassigned'),
        data.byAssignee,
      )}
    </>
  );
}

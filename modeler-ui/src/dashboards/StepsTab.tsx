/** Per step: completions in the period, how many kept their due date, and the mean and 90th-percentile hours. */
import { Figures } from './Figures';
import { useI18n } from '../i18n/I18nProvider';
import { FigureCard } from './FigureCard';
import { percent, tenths } from './figure-format';

interface StepRow {
  processDefinitionId: string;
  elementId: string;
  name: string;
  completed: number;
  withLimit: number;
  onTime: number;
  onTimeShare: number | null;
  meanHours: number | null;
  p90Hours: number | null;
}

export function StepsTab({ query }: { query: string }) {
  return (
    <Figures<{ steps: StepRow[] }> path={`/dashboards/steps?${query}`}>
      {(data) => <StepFigures steps={data.steps} />}
    </Figures>
  );
}

function StepFigures({ steps }: { steps: StepRow[] }) {
  const { t } = useI18n();
  return (
    <FigureCard
      id="steps"
      title={t('dashboards.steps')}
      rows={steps}
      rowKey={(row) => `${row.processDefinitionId} ${row.elementId}`}
      columns={[
        { title: t('dashboards.step'), value: (row) => row.name },
        { title: t('dashboards.completed'), value: (row) => row.completed },
        { title: t('dashboards.onTime'), value: (row) => `${row.onTime} / ${row.withLimit}` },
        { title: t('dashboards.onTimeShare'), value: (row) => percent(row.onTimeShare) },
        { title: t('dashboards.meanHours'), value: (row) => tenths(row.meanHours) },
        { title: t('dashboards.p90Hours'), value: (row) => tenths(row.p90Hours) },
      ]}
      chart={{
        category: (row) => row.name,
        series: [
          { name: t('dashboards.meanHours'), value: (row) => row.meanHours },
          { name: t('dashboards.p90Hours'), value: (row) => row.p90Hours },
        ],
      }}
      fileName="step-durations.csv"
    />
  );
}

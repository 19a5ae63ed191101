/**
 * The check's problems as a list in the chosen language (problem-text.ts). Clicking a problem selects its element
 * on the canvas.
 */
import { Alert, List, Tag, Typography } from 'antd';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { problemText, type Problem } from './problem-text';

export type { Problem } from './problem-text';

export function useProblemText() {
  const { t, locale } = useI18n();
  return (problem: Problem) => problemText(problem, t, locale);
}

export function ProblemList({ problems, onSelect }: { problems: Problem[]; onSelect(elementId: string): void }) {
  const { t } = useI18n();
  const text = useProblemText();
  if (problems.length === 0) return <Alert type="success" showIcon title={t('modeler.noProblems')} />;
  return (
    <List
      size="small"
      bordered
      data-testid="problem-list"
      header={<Typography.Text strong>{t('modeler.problems', { n: problems.length })}</Typography.Text>}
      dataSource={problems}
      renderItem={(problem) => (
        <List.Item
          className="problem-item"
          onClick={() => problem.elementId && onSelect(problem.elementId)}
          onKeyDown={(event) => event.key === 'Enter' && problem.elementId && onSelect(problem.elementId)}
          tabIndex={0}
        >
          <Tag color={problem.category === 'error' ? 'red' : 'orange'}>
            {t(problem.category === 'error' ? 'modeler.error' : 'modeler.warning')}
          </Tag>
          {problem.elementId && (
            <Data>
              <code>{problem.elementId}</code>
            </Data>
          )}{' '}
          {text(problem)}
        </List.Item>
      )}
    />
  );
}

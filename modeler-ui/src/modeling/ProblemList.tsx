/**
 * The check's problems as a list in the chosen language: the project's rules and the common Camunda rules have
 * their own sentence; any other rule is named by its code (and, in English, bpmnlint's message). Clicking a problem
 * selects its element on the canvas.
 */
import { Alert, List, Tag, Typography } from 'antd';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

export interface Problem {
  elementId: string | null;
  rule: string;
  category: 'error' | 'warn';
  message: string;
  value?: string;
}

const RULE_TEXT: Record<string, MessageKey> = {
  'project/user-task-form': 'modeler.rule.userTaskForm',
  'project/user-task-candidate-groups': 'modeler.rule.userTaskCandidateGroups',
  'project/user-task-due-date': 'modeler.rule.userTaskDueDate',
  'project/job-type-has-worker': 'modeler.rule.jobTypeHasWorker',
  'camunda-compat/implementation': 'modeler.rule.implementation',
  'camunda-compat/feel': 'modeler.rule.feel',
  'camunda-compat/called-decision-or-task-definition': 'modeler.rule.implementation',
  'camunda-compat/task-definition': 'modeler.rule.implementation',
  'bpmnlint/end-event-required': 'modeler.rule.endEventRequired',
  'end-event-required': 'modeler.rule.endEventRequired',
  'start-event-required': 'modeler.rule.startEventRequired',
  'no-disconnected': 'modeler.rule.disconnected',
  'conditional-flows': 'modeler.rule.conditionalFlows',
  'label-required': 'modeler.rule.labelRequired',
  parse: 'modeler.rule.parse',
};

export function useProblemText() {
  const { t, locale } = useI18n();
  return (problem: Problem) => {
    const key = RULE_TEXT[problem.rule];
    if (key) return t(key, { value: problem.value ?? '' });
    return locale === 'en-US' ? problem.message : t('modeler.rule.other', { rule: problem.rule });
  };
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

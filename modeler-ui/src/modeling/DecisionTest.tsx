/**
 * A test of the decision table against inputs the analyst gives (JSON, prefilled with the table's input
 * variables): the draft as edited, or the version the engine runs now (decision 0044).
 */
import { useState, type RefObject } from 'react';
import { Alert, Button, Card, Input, Space, Typography } from 'antd';
import { api, ApiError } from '../api/http';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { draftPath } from './use-draft';

interface Result {
  target: 'draft' | 'deployed';
  outputs: unknown[];
  matchedRules: string[];
}

function decisionOf(xml: string) {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  const decision = document.getElementsByTagNameNS('*', 'decision')[0];
  const inputs = [...document.getElementsByTagNameNS('*', 'inputExpression')].map((input) =>
    (input.getElementsByTagNameNS('*', 'text')[0]?.textContent ?? '').trim(),
  );
  return { id: decision?.getAttribute('id') ?? undefined, inputs: inputs.filter((name) => /^[\w.]+$/.test(name)) };
}

export function DecisionTest({ resource, xml }: { resource: string; xml: RefObject<string> }) {
  const { t, apiText } = useI18n();
  const [variables, setVariables] = useState(() =>
    JSON.stringify(Object.fromEntries(decisionOf(xml.current).inputs.map((name) => [name, null])), null, 2),
  );
  const [result, setResult] = useState<Result>();
  const [failure, setFailure] = useState<string>();

  const run = async (target: Result['target']) => {
    setFailure(undefined);
    setResult(undefined);
    let parsed: Record<string, unknown>;
    try {
      parsed = JSON.parse(variables) as Record<string, unknown>;
    } catch {
      setFailure(t('modeler.test.badJson'));
      return;
    }
    try {
      setResult(
        await api<Result>(draftPath(resource, '/evaluate'), {
          method: 'POST',
          body: { target, variables: parsed, decisionId: decisionOf(xml.current).id, content: xml.current },
        }),
      );
    } catch (error) {
      setFailure(apiText((error as ApiError).message));
    }
  };

  return (
    <Card size="small" title={t('modeler.test.title')} data-testid="decision-test">
      <Space orientation="vertical" style={{ width: '100%' }}>
        <label htmlFor="decision-inputs">{t('modeler.test.inputs')}</label>
        <Input.TextArea
          id="decision-inputs"
          autoSize={{ minRows: 3, maxRows: 10 }}
          value={variables}
          onChange={(event) => setVariables(event.target.value)}
          className="code-input"
        />
        <Space>
          <Button onClick={() => void run('draft')} data-testid="test-draft">
            {t('modeler.test.draft')}
          </Button>
          <Button onClick={() => void run('deployed')} data-testid="test-deployed">
            {t('modeler.test.deployed')}
          </Button>
        </Space>
        {failure && <Alert type="error" showIcon role="alert" title={failure} />}
        {result && (
          <div data-testid="decision-result">
            <Typography.Text strong>
              {t(result.target === 'draft' ? 'modeler.test.resultDraft' : 'modeler.test.resultDeployed')}
            </Typography.Text>
            {result.outputs.length === 0 ? (
              <Typography.Paragraph>{t('modeler.test.noRule')}</Typography.Paragraph>
            ) : (
              <pre className="decision-output">
                <Data>{JSON.stringify(result.outputs.length === 1 ? result.outputs[0] : result.outputs)}</Data>
              </pre>
            )}
            <Typography.Text type="secondary">
              {t('modeler.test.rules')}: <Data>{result.matchedRules.join(', ')}</Data>
            </Typography.Text>
          </div>
        )}
      </Space>
    </Card>
  );
}

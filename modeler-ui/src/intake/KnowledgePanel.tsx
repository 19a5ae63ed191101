/** The knowledge base beside a call: searched as the agent types (GET /knowledge?q=), each answer unfolded to read. */
import { useState } from 'react';
import { Alert, Card, Collapse, Input, Typography } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { useDebounced } from './use-debounced';

interface Article {
  id: number;
  title: string;
  category: string;
  content: string;
}

export function KnowledgePanel() {
  const { t, apiText } = useI18n();
  const [typed, setTyped] = useState('');
  const q = useDebounced(typed.trim(), 300);
  const articles = useApi<{ items: Article[] }>(q ? `/knowledge?${new URLSearchParams({ q })}` : undefined);
  const found = q ? articles.data?.items : undefined;
  return (
    <Card title={t('intake.knowledge.title')} data-testid="knowledge-panel">
      <Input.Search
        id="knowledge-search"
        aria-label={t('intake.knowledge.search')}
        placeholder={t('intake.knowledge.hint')}
        value={typed}
        allowClear
        loading={articles.loading && Boolean(q)}
        onChange={(event) => setTyped(event.target.value)}
      />
      {q && articles.error && <Alert type="error" showIcon role="alert" title={apiText(articles.error.message)} />}
      <div aria-live="polite" data-testid="knowledge-results" style={{ marginTop: 12 }}>
        {found && found.length === 0 && <Typography.Text>{t('intake.knowledge.none')}</Typography.Text>}
        {found && found.length > 0 && (
          <Collapse
            size="small"
            items={found.map((article) => ({
              key: article.id,
              label: (
                <span data-i18n="data" data-testid="knowledge-article">
                  {article.title}
                </span>
              ),
              children: (
                <Typography.Paragraph data-i18n="data" style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                  {article.content}
                </Typography.Paragraph>
              ),
            }))}
          />
        )}
      </div>
    </Card>
  );
}

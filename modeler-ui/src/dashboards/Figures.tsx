/**
 * A dashboard tab's figures once its answer is in: an alert when loading failed, nothing while it loads, and when
 * the figures were computed where the answer says (`asOf`: the API answers a question from one computation for a
 * while, decision 0066).
 */
import { Alert, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useApi } from '../api/useApi';
import { formatDateTime } from '../i18n/format';
import { useI18n } from '../i18n/I18nProvider';

export function Figures<T>({ path, children }: { path: string; children(data: T): ReactNode }) {
  const { t, apiText, locale } = useI18n();
  const loaded = useApi<T>(path);
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
  const { asOf } = loaded.data as { asOf?: string };
  return (
    <>
      {asOf && (
        <Typography.Paragraph type="secondary" data-testid="figures-as-of">
          {t('dashboards.asOf', { time: formatDateTime(asOf, locale) })}
        </Typography.Paragraph>
      )}
      {children(loaded.data)}
    </>
  );
}

/** A dashboard tab's figures once its answer is in: an alert when loading failed, nothing while it loads. */
import { Alert } from 'antd';
import type { ReactNode } from 'react';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';

export function Figures<T>({ path, children }: { path: string; children(data: T): ReactNode }) {
  const { t, apiText } = useI18n();
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
  return loaded.data ? children(loaded.data) : null;
}

/** The alert a screen shows when its data could not be loaded, with the API's message in the chosen language. */
import { Alert, Button } from 'antd';
import type { ApiError } from '../api/http';
import { useI18n } from '../i18n/I18nProvider';

export function LoadFailed({ error, onRetry }: { error: ApiError | undefined; onRetry?: () => void }) {
  const { t, apiText } = useI18n();
  if (!error) return null;
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={t('common.loadFailed', { message: apiText(error.message) })}
      action={onRetry && <Button onClick={onRetry}>{t('common.retry')}</Button>}
    />
  );
}

/**
 * The limits that may have left matching rows out of a list (the API's `capped`), each said above the list as a
 * warning: the tasklist's and the monitor's customer filter, the monitor's overdue figures.
 */
import { Alert } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/zh-CN';

export function CappedAlerts({ caps, messages }: { caps: string[] | undefined; messages: string }) {
  const { t } = useI18n();
  return (
    <>
      {caps?.map((cap) => (
        <Alert
          key={cap}
          type="warning"
          showIcon
          data-testid={`capped-${cap}`}
          title={t(`${messages}.${cap}` as MessageKey)}
          style={{ marginBottom: 8 }}
        />
      ))}
    </>
  );
}

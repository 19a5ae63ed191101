/** An instance's state as tags: running, completed or cancelled, and with an incident or overdue while it runs. */
import { Space, Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';

const ENGINE_STATES: Record<string, string> = { ACTIVE: 'running', COMPLETED: 'completed', TERMINATED: 'cancelled' };

export function InstanceState({ row }: { row: { state: string; hasIncident: boolean; overdue?: boolean } }) {
  const { t } = useI18n();
  const state = ENGINE_STATES[row.state];
  return (
    <Space size={4} wrap data-testid="instance-state">
      {/* Darker than the presets: white text on them meets WCAG AA contrast. */}
      <Tag color={row.state === 'ACTIVE' ? '#0958d9' : row.state === 'COMPLETED' ? '#237804' : '#595959'}>
        {state ? t(`monitor.state.${state}` as 'monitor.state.running') : row.state}
      </Tag>
      {row.hasIncident && <Tag color="#820014">{t('monitor.state.incident')}</Tag>}
      {row.overdue && <Tag color="#a8071a">{t('monitor.state.overdue')}</Tag>}
    </Space>
  );
}

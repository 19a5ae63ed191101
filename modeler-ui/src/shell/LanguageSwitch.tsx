/** One button that switches between Chinese and English; the choice is remembered. */
import { Button } from 'antd';
import { GlobalOutlined } from '@ant-design/icons';
import { useI18n } from '../i18n/I18nProvider';

export function LanguageSwitch() {
  const { locale, setLocale, t } = useI18n();
  return (
    <Button
      icon={<GlobalOutlined />}
      title={t('app.switchLanguageLabel')}
      lang={locale === 'zh-CN' ? 'en' : 'zh-CN'}
      data-testid="language-switch"
      data-i18n="language-name"
      onClick={() => setLocale(locale === 'zh-CN' ? 'en-US' : 'zh-CN')}
    >
      {t('app.switchLanguage')}
    </Button>
  );
}

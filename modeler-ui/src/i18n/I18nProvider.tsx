/**
 * The chosen language for the whole app: zh-CN unless the user switched (remembered in localStorage), Ant Design's
 * own texts in the same locale, and `t`, dates and amounts through it.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { App as AntApp, ConfigProvider, type ThemeConfig } from 'antd';
import antdZhCN from 'antd/locale/zh_CN';
import antdEnUS from 'antd/locale/en_US';
import { zhCN, type MessageKey } from './zh-CN';
import { enUS } from './en-US';
import { setApiLanguage } from '../api/http';
import { fill, formatDateTime, formatNumber, formatYuan, LOCALES, pickLanguage, type Locale } from './format';

const STORAGE_KEY = 'pmp.locale';
/** Ant Design's default blue and greys fall short of WCAG AA contrast on white; these keep every text at ≥ 4.5:1. */
const THEME: ThemeConfig = {
  token: {
    colorPrimary: '#1d4ed8',
    colorPrimaryHover: '#1e40af',
    colorPrimaryActive: '#1e3a8a',
    colorLink: '#1d4ed8',
    colorTextSecondary: 'rgba(0, 0, 0, 0.65)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.6)',
    colorTextDescription: 'rgba(0, 0, 0, 0.65)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.6)',
  },
};
const catalogs: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS };

export interface I18n {
  locale: Locale;
  setLocale(locale: Locale): void;
  t(key: MessageKey, values?: Record<string, string | number>): string;
  /** The chosen language's half of an API message. */
  apiText(message: string): string;
  dateTime(value: string | number | Date | null | undefined): string;
  number(value: number): string;
  /** An amount in fen, as "1,234.56 元" / "CNY 1,234.56". */
  yuan(amountFen: number): string;
}

const I18nContext = createContext<I18n | undefined>(undefined);

function storedLocale(): Locale {
  const stored = localStorage.getItem(STORAGE_KEY);
  return LOCALES.includes(stored as Locale) ? (stored as Locale) : 'zh-CN';
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(storedLocale);
  // Before any child's request in this render: the API answers in the language the screen shows.
  setApiLanguage(locale);
  const setLocale = useCallback((next: Locale) => {
    localStorage.setItem(STORAGE_KEY, next);
    setLocaleState(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = catalogs[locale]['app.title'];
  }, [locale]);
  const value = useMemo<I18n>(() => {
    const t = (key: MessageKey, values?: Record<string, string | number>) => fill(catalogs[locale][key], values);
    return {
      locale,
      setLocale,
      t,
      apiText: (message) => pickLanguage(message, locale),
      dateTime: (date) => formatDateTime(date, locale),
      number: (n) => formatNumber(n, locale),
      yuan: (fen) => t('amount.yuan', { amount: formatYuan(fen, locale) }),
    };
  }, [locale, setLocale]);
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider locale={locale === 'zh-CN' ? antdZhCN : antdEnUS} theme={THEME}>
        <AntApp>{children}</AntApp>
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n outside I18nProvider');
  return i18n;
}

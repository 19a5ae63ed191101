/**
 * A list's filters as an inline form bound to the URL: it shows the query's values, and searching or resetting
 * writes them back (first page), so every filtered list is a link.
 */
import { Button, Form } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { useUrlQuery } from '../shell/use-url-query';

export interface FilterField {
  name: string;
  label: string;
  /** The control; its id should be `filter-<name>` so that the label names it. */
  control: ReactNode;
}

export function QueryFilters({ fields, testId }: { fields: FilterField[]; testId: string }) {
  const { t } = useI18n();
  const { params, update } = useUrlQuery();
  const initial = Object.fromEntries(fields.map((field) => [field.name, params.get(field.name) ?? undefined]));
  const clear = Object.fromEntries(fields.map((field) => [field.name, undefined]));
  return (
    <Form
      layout="inline"
      key={params.toString()}
      initialValues={initial}
      data-testid={testId}
      onFinish={(values: Record<string, string | undefined>) =>
        update(Object.fromEntries(fields.map((field) => [field.name, values[field.name]?.trim() || undefined])))
      }
      style={{ marginBottom: 16, rowGap: 8 }}
    >
      {fields.map((field) => (
        <Form.Item key={field.name} name={field.name} label={field.label} htmlFor={`filter-${field.name}`}>
          {field.control}
        </Form.Item>
      ))}
      <Form.Item>
        <Button type="primary" htmlType="submit" data-testid={`${testId}-search`}>
          {t('admin.search')}
        </Button>
      </Form.Item>
      <Form.Item>
        <Button onClick={() => update(clear)}>{t('admin.reset')}</Button>
      </Form.Item>
    </Form>
  );
}

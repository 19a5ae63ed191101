/**
 * The tasklist's filters, all kept in the URL and applied by the server: business and business type, step,
 * time-limit state, priority, case or order number, customer name or phone, and the created and due date ranges.
 * Choices apply at once; typed text applies on "search".
 */
import { Button, DatePicker, Form, Input, Select, Space } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useI18n } from '../i18n/I18nProvider';
import { BUSINESS_TYPES, businessTypeLabel } from './labels';
import { AREAS, DUE_STATES, PRIORITIES, type TaskRow } from './task-types';

const DAY = 'YYYY-MM-DD';

interface Props {
  params: URLSearchParams;
  /** The rows shown: their steps are the step filter's choices (with the one chosen). */
  rows: TaskRow[];
  onChange(changes: Record<string, string | undefined>): void;
  onReset(): void;
}

/** The steps to choose from: those of the rows on screen, and the chosen one even when no row shows it. */
function stepOptions(rows: TaskRow[], chosen: string | null) {
  const steps = new Map(rows.map((row) => [row.elementId, row.name]));
  if (chosen && !steps.has(chosen)) steps.set(chosen, chosen);
  return [...steps].map(([value, label]) => ({ value, label }));
}

function DayRange(props: { id: string; from: string; to: string; params: URLSearchParams } & Pick<Props, 'onChange'>) {
  const { id, from, to, params, onChange } = props;
  const value = (name: string) => (params.get(name) ? dayjs(params.get(name)) : null);
  return (
    <DatePicker.RangePicker
      id={id}
      allowEmpty={[true, true]}
      value={[value(from), value(to)]}
      onChange={(days: [Dayjs | null, Dayjs | null] | null) =>
        onChange({ [from]: days?.[0]?.format(DAY), [to]: days?.[1]?.format(DAY) })
      }
    />
  );
}

export function TaskFilters({ params, rows, onChange, onReset }: Props) {
  const { t } = useI18n();
  const area = params.get('area');
  const text = { caseNo: params.get('caseNo') ?? '', customer: params.get('customer') ?? '' };
  return (
    <Form
      layout="inline"
      className="task-filters"
      key={params.toString()}
      initialValues={text}
      onFinish={(values: typeof text) => onChange({ caseNo: values.caseNo.trim(), customer: values.customer.trim() })}
    >
      <Form.Item label={t('tasks.filter.area')} htmlFor="filter-area">
        <Select
          id="filter-area"
          allowClear
          style={{ width: 160 }}
          value={area ?? undefined}
          onChange={(value?: string) => onChange({ area: value, businessType: undefined })}
          options={AREAS.map((a) => ({ value: a, label: t(`tasks.area.${a}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filter.businessType')} htmlFor="filter-business-type">
        <Select
          id="filter-business-type"
          allowClear
          disabled={!area}
          style={{ width: 140 }}
          value={params.get('businessType') ?? undefined}
          onChange={(value?: string) => onChange({ businessType: value })}
          options={(BUSINESS_TYPES[area ?? ''] ?? []).map((code) => ({
            value: code,
            label: businessTypeLabel(code, t),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filter.step')} htmlFor="filter-step">
        <Select
          id="filter-step"
          allowClear
          style={{ width: 160 }}
          value={params.get('step') ?? undefined}
          onChange={(value?: string) => onChange({ step: value })}
          options={stepOptions(rows, params.get('step'))}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filter.dueState')} htmlFor="filter-due">
        <Select
          id="filter-due"
          allowClear
          style={{ width: 130 }}
          value={params.get('dueState') ?? undefined}
          onChange={(value?: string) => onChange({ dueState: value })}
          options={DUE_STATES.map((state) => ({ value: state, label: t(`tasks.dueState.${state}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filter.priority')} htmlFor="filter-priority">
        <Select
          id="filter-priority"
          allowClear
          style={{ width: 110 }}
          value={params.get('priority') ?? undefined}
          onChange={(value?: string) => onChange({ priority: value })}
          options={PRIORITIES.map((p) => ({ value: p, label: t(`tasks.priority.${p}`) }))}
        />
      </Form.Item>
      <Form.Item label={t('tasks.filter.created')} htmlFor="filter-created">
        <DayRange id="filter-created" from="createdFrom" to="createdTo" params={params} onChange={onChange} />
      </Form.Item>
      <Form.Item label={t('tasks.filter.due')} htmlFor="filter-due-dates">
        <DayRange id="filter-due-dates" from="dueFrom" to="dueTo" params={params} onChange={onChange} />
      </Form.Item>
      <Form.Item label={t('tasks.filter.caseNo')} name="caseNo" htmlFor="filter-case">
        <Input id="filter-case" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item label={t('tasks.filter.customer')} name="customer" htmlFor="filter-customer">
        <Input id="filter-customer" allowClear style={{ width: 180 }} />
      </Form.Item>
      <Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('tasks.filter.search')}
          </Button>
          <Button onClick={onReset}>{t('tasks.filter.reset')}</Button>
        </Space>
      </Form.Item>
    </Form>
  );
}

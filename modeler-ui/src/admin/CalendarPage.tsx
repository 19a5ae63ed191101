/**
 * The business calendar per year (`/calendar?year=2027`): its holidays and make-up working days, added and removed,
 * and whether the year's schedule is entered in full or still reckoned from the statutory holidays — with a
 * warning while next year's is not entered. Each change answers how many open due dates it moved.
 */
import { useState } from 'react';
import { Alert, App as AntApp, Button, Form, Input, Popconfirm, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { Data } from '../i18n/Data';
import { useUrlQuery } from '../shell/use-url-query';
import { FormModal } from './FormModal';
import { TAG_COLOURS } from './tag-colours';

interface Day {
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

interface Year {
  year: number;
  published: boolean;
  notice?: string;
  enteredBy?: string | null;
}

interface Recomputed {
  tasks: number;
  cases: number;
}

interface DayValues {
  date?: string;
  kind?: Day['kind'];
  name?: string;
}

/** The year in China at `time`: the server's clock decides, which a training or demo system may have pinned. */
const chinaYear = (time: string | undefined) =>
  Number(
    new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(
      time ? new Date(time) : new Date(),
    ),
  );

export function CalendarPage() {
  const { t, apiText } = useI18n();
  const { message } = AntApp.useApp();
  const { params, update } = useUrlQuery();
  const years = useApi<{ items: Year[] }>('/calendar/years');
  const clock = useApi<{ time: string }>('/admin/clock');
  const currentYear = chinaYear(clock.data?.time);
  const year = Number(params.get('year')) || currentYear;
  const days = useApi<{ items: Day[] }>(`/calendar/days?year=${year}`);
  const [dayForm] = Form.useForm<DayValues>();
  const [yearForm] = Form.useForm<{ notice?: string }>();
  const [editing, setEditing] = useState<'day' | 'year'>();
  const [problem, setProblem] = useState<string>();
  const thisYear = years.data?.items.find((y) => y.year === year);
  const nextYear = clock.data && years.data?.items.find((y) => y.year === currentYear + 1);

  async function changed(recomputed: Recomputed) {
    void message.success(t('admin.calendar.changed', { tasks: recomputed.tasks, cases: recomputed.cases }));
    await Promise.all([days.reload(), years.reload()]);
  }

  async function send(path: string, method: string, body?: unknown) {
    const answer = await api<{ recomputed: Recomputed }>(path, { method, body });
    await changed(answer.recomputed);
  }

  async function remove(path: string) {
    setProblem(undefined);
    await send(path, 'DELETE').catch((error: Error) => setProblem(apiText(error.message)));
  }

  const yearOptions = [...new Set([...(years.data?.items ?? []).map((y) => y.year), year])].sort();
  return (
    <section aria-labelledby="calendar-title">
      <Typography.Title level={1} id="calendar-title" style={{ fontSize: 20 }}>
        {t('admin.calendar.title')}
      </Typography.Title>
      {nextYear && !nextYear.published && (
        <Alert
          type="warning"
          showIcon
          data-testid="next-year-missing"
          title={t('admin.calendar.nextYearMissing', { year: nextYear.year })}
          style={{ marginBottom: 12 }}
        />
      )}
      {problem && <Alert type="error" showIcon role="alert" title={problem} style={{ marginBottom: 12 }} />}
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="calendar-year">{t('admin.calendar.year')}</label>
        <Select
          id="calendar-year"
          value={year}
          style={{ width: 120 }}
          onChange={(value: number) => update({ year: String(value) })}
          options={yearOptions.map((y) => ({ value: y, label: String(y) }))}
        />
        {thisYear?.published ? (
          <>
            <Tag color={TAG_COLOURS.good}>{t('admin.calendar.published')}</Tag>
            <Data>{thisYear.notice}</Data>
            <Popconfirm
              title={t('admin.calendar.unpublishConfirm', { year })}
              okText={t('admin.calendar.unpublish')}
              cancelText={t('admin.cancel')}
              onConfirm={() => remove(`/calendar/years/${year}`)}
            >
              <Button size="small">{t('admin.calendar.unpublish')}</Button>
            </Popconfirm>
          </>
        ) : (
          <>
            <Tag color={TAG_COLOURS.waiting}>{t('admin.calendar.statutory')}</Tag>
            <Button size="small" onClick={() => setEditing('year')} data-testid="calendar-publish">
              {t('admin.calendar.publish')}
            </Button>
          </>
        )}
        <Button type="primary" onClick={() => setEditing('day')} data-testid="calendar-add">
          {t('admin.calendar.add')}
        </Button>
      </Space>
      <Table<Day>
        rowKey="date"
        size="small"
        data-testid="calendar-days"
        loading={days.loading}
        dataSource={days.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: t('admin.calendar.empty') }}
        columns={[
          { title: t('admin.calendar.date'), dataIndex: 'date' },
          {
            title: t('admin.calendar.kind'),
            render: (_, day) => (
              <Tag color={day.kind === 'holiday' ? TAG_COLOURS.bad : TAG_COLOURS.neutral}>
                {t(`admin.calendar.kind.${day.kind}`)}
              </Tag>
            ),
          },
          { title: t('admin.calendar.dayName'), render: (_, day) => <Data>{day.name}</Data> },
          {
            title: t('admin.actions'),
            render: (_, day) => (
              <Popconfirm
                title={t('admin.calendar.removeConfirm', { date: day.date })}
                okText={t('admin.calendar.remove')}
                cancelText={t('admin.cancel')}
                onConfirm={() => remove(`/calendar/days/${day.date}`)}
              >
                <Button size="small">{t('admin.calendar.remove')}</Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      {editing === 'day' && (
        <FormModal<DayValues>
          title={t('admin.calendar.add')}
          testId="day-form"
          form={dayForm}
          initialValues={{ kind: 'holiday' }}
          onClose={() => setEditing(undefined)}
          save={async ({ date, ...day }) => {
            const answer = await api<{ recomputed: Recomputed }>(`/calendar/days/${date}`, {
              method: 'PUT',
              body: day,
            });
            if (date?.slice(0, 4) !== String(year)) update({ year: date?.slice(0, 4) });
            await changed(answer.recomputed);
          }}
        >
          <Form.Item
            name="date"
            label={t('admin.calendar.date')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input type="date" data-testid="day-date" />
          </Form.Item>
          <Form.Item name="kind" label={t('admin.calendar.kind')}>
            <Select
              data-testid="day-kind"
              options={(['holiday', 'workday'] as const).map((kind) => ({
                value: kind,
                label: t(`admin.calendar.kind.${kind}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="name"
            label={t('admin.calendar.dayName')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input data-testid="day-name" placeholder={t('admin.calendar.dayNameHint')} />
          </Form.Item>
        </FormModal>
      )}
      {editing === 'year' && (
        <FormModal<{ notice?: string }>
          title={t('admin.calendar.publishTitle', { year })}
          testId="year-form"
          form={yearForm}
          onClose={() => setEditing(undefined)}
          save={({ notice }) => send(`/calendar/years/${year}`, 'PUT', { notice })}
        >
          <Form.Item
            name="notice"
            label={t('admin.calendar.notice')}
            extra={t('admin.calendar.noticeHint')}
            rules={[{ required: true, message: t('admin.required') }]}
          >
            <Input />
          </Form.Item>
        </FormModal>
      )}
    </section>
  );
}

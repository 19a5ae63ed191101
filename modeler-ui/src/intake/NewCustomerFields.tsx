/** A new customer's fields, under `prefix` in the form (`customer` for 业扩, `newCustomer` for a 变更 transfer). */
import { Checkbox, Form, Input, Select } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import type { AreaOption } from './use-areas';
import { AREA_TYPES } from './choices';

export function NewCustomerFields(props: { prefix: string; areas?: AreaOption[] }) {
  const { t } = useI18n();
  const name = (field: string) => [props.prefix, field];
  return (
    <>
      <Form.Item label={t('intake.customer.kind')} name={name('kind')} rules={[{ required: true }]}>
        <Select
          options={(['person', 'company'] as const).map((kind) => ({
            value: kind,
            label: t(`intake.customerKind.${kind}`),
          }))}
        />
      </Form.Item>
      <Form.Item label={t('intake.customer.name')} name={name('name')} rules={[{ required: true }]}>
        <Input maxLength={128} />
      </Form.Item>
      <Form.Item label={t('intake.customer.idNumber')} name={name('idNumber')} rules={[{ required: true }]}>
        <Input maxLength={18} />
      </Form.Item>
      <Form.Item label={t('intake.customer.phone')} name={name('phone')} rules={[{ required: true }]}>
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item label={t('intake.customer.address')} name={name('address')} rules={[{ required: !!props.areas }]}>
        <Input maxLength={255} />
      </Form.Item>
      {props.areas && (
        <>
          <Form.Item label={t('intake.area')} name={name('area')} rules={[{ required: true }]}>
            <Select options={props.areas} />
          </Form.Item>
          <Form.Item label={t('intake.areaType')} name={name('areaType')}>
            <Select
              allowClear
              options={AREA_TYPES.map((type) => ({ value: type, label: t(`intake.areaType.${type}`) }))}
            />
          </Form.Item>
          <Form.Item name={name('important')} valuePropName="checked">
            <Checkbox>{t('intake.customer.important')}</Checkbox>
          </Form.Item>
        </>
      )}
    </>
  );
}

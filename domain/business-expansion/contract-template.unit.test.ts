import { meterSpec } from './metering-use-case';
import { renderContract } from './contract-template';

test('the contract text carries the scheme fields; unknown ones show a dash', () => {
  const text = renderContract({ contractNo: 'HT20261008-0001', customerName: '李明', supplyVoltage: '220V' });
  expect(text).toContain('供用电合同（HT20261008-0001）');
  expect(text).toContain('用电人：李明');
  expect(text).toContain('供电电压：220V');
  expect(text).toContain('计量方式：—');
});

test('meter specs follow voltage and metering method', () => {
  expect(meterSpec('220V', '低压直接计量')).toContain('单相');
  expect(meterSpec('380V', '低压直接计量')).toContain('10(100)A');
  expect(meterSpec('380V', '低压经互感器计量')).toContain('电流互感器');
  expect(meterSpec('10kV', '高供低计')).toContain('3×220/380V');
  expect(meterSpec('10kV', '高供高计')).toContain('三相三线');
});

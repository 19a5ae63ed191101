/** The GB 11643 check character, and masking of ID and phone numbers in records and in log text. */
import { maskIdNumber, maskPhone, maskPii, maskPiiInText } from './mask-pii';
import { isValidResidentId, residentId, residentIdCheckCharacter } from './resident-id';

test('the GB 11643-1999 check character (ISO 7064 MOD 11-2), X for ten', () => {
  // The standard's own example number.
  expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
  expect(isValidResidentId('11010519491231002X')).toBe(true);
  expect(isValidResidentId('11010519491231002x')).toBe(true);
  expect(isValidResidentId('110105194912310021')).toBe(false);
  expect(isValidResidentId(residentId('31011519900230001'))).toBe(false); // 30 February
  expect(isValidResidentId('3101151990010100')).toBe(false);
  expect(isValidResidentId(residentId('31011519900101001'))).toBe(true);
});

test('ID and phone numbers keep their first three and last four characters', () => {
  expect(maskIdNumber('110105194912311234')).toBe('110***********1234');
  expect(maskPhone('13856785678')).toBe('138****5678');
  expect(maskPhone('021-50801234')).toBe('021*****1234');
  expect(maskPhone('1234')).toBe('****');
  expect(maskPii({ name: '张三', idNumber: '11010519491231002X', phone: '13800138000', other: 1 })).toEqual({
    name: '张三',
    idNumber: '110***********002X',
    phone: '138****8000',
    other: 1,
  });
});

test('log text: mobile and ID numbers inside it are masked, other numbers left alone', () => {
  expect(maskPiiInText('客户13800138000来电 {"idNumber":"11010519491231002X","orderNo":"GD20261110-0001"}')).toBe(
    '客户138****8000来电 {"idNumber":"110***********002X","orderNo":"GD20261110-0001"}',
  );
  expect(maskPiiInText('processInstanceKey 2251799813685249')).toBe('processInstanceKey 2251799813685249');
});

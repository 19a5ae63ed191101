import { OPENING_TERMS } from './rules/opening-terms';
import { openingTerms } from './opening-terms';

const rule = OPENING_TERMS.defaults[0].body;
const facts = (category: string, voltage: string, capacityKva: number, billingMethod: string | null) =>
  openingTerms({ category, voltage, capacityKva, billingMethod }, rule);

test('residential and agricultural take their own tariffs; agriculture from 100 kVA is adjusted on 0.80', () => {
  expect(facts('residential', '220V', 8, 'single-part')).toMatchObject({
    kind: 'residential-tiered',
    powerFactorStandard: null,
    basicChargeBasis: null,
  });
  expect(facts('agricultural', '380V', 80, 'single-part').powerFactorStandard).toBeNull();
  expect(facts('agricultural', '380V', 100, 'single-part')).toMatchObject({
    kind: 'agricultural',
    powerFactorStandard: '0.80',
  });
});

test("C&I follows the scheme's billing method; the power-factor standard by voltage and capacity", () => {
  expect(facts('industrial', '10kV', 800, 'two-part')).toMatchObject({
    kind: 'two-part',
    basicChargeBasis: 'capacity',
    powerFactorStandard: '0.90',
  });
  // Low-voltage industry from 160 kVA is not "high-voltage industry": the 0.85 standard.
  expect(facts('industrial', '380V', 200, 'customer-choice')).toMatchObject({
    kind: 'single-part',
    powerFactorStandard: '0.85',
  });
  expect(facts('commercial', '380V', 99, 'single-part')).toMatchObject({
    kind: 'single-part',
    powerFactorStandard: null,
  });
});

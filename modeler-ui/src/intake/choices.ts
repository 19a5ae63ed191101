/**
 * The fixed choices of the intake forms, as the API's input schemas take them (the server checks them again, and
 * its 400 names the field): voltages, electricity categories, and for each change type the fields it carries.
 */
export const VOLTAGES = ['220V', '380V', '10kV', '20kV', '35kV', '110kV'] as const;
export const CATEGORIES = ['residential', 'commercial', 'industrial', 'agricultural'] as const;
export const AREA_TYPES = ['urban', 'rural', 'remote'] as const;

export type ChangeField =
  | 'newCapacityKva'
  | 'newAddress'
  | 'sameSupplyPoint'
  | 'newMeterLocation'
  | 'newName'
  | 'newCustomer'
  | 'splitCapacityKva'
  | 'suspendedKva'
  | 'newAccountAddress'
  | 'targetAccountId'
  | 'newVoltage'
  | 'newCategory'
  | 'capacityKva'
  | 'address'
  | 'voltage';

/** Each change type the API has, with its own fields (optional ones marked). */
export const CHANGE_TYPES: Record<string, { field: ChangeField; optional?: boolean }[]> = {
  suspend: [{ field: 'suspendedKva', optional: true }],
  'suspend-resume': [],
  'capacity-reduction': [{ field: 'newCapacityKva' }],
  'reduction-resume': [],
  'temporary-swap': [{ field: 'newCapacityKva' }],
  relocation: [{ field: 'newAddress' }, { field: 'sameSupplyPoint' }, { field: 'newCapacityKva', optional: true }],
  'meter-move': [{ field: 'newMeterLocation' }],
  'temporary-removal': [],
  rename: [{ field: 'newName' }],
  transfer: [{ field: 'newCustomer' }],
  split: [{ field: 'splitCapacityKva' }, { field: 'newAccountAddress', optional: true }],
  merge: [{ field: 'targetAccountId' }],
  close: [],
  'voltage-change': [{ field: 'newVoltage' }, { field: 'newCapacityKva', optional: true }],
  'category-change': [{ field: 'newCategory' }],
  'temporary-supply': [{ field: 'capacityKva' }, { field: 'address' }, { field: 'voltage' }],
};

/**
 * Masking of personal data in lists and logs (decision 0025): an ID number keeps its first 3 and last 4 characters
 * (`110***********1234`), a phone number its first 3 and last 4 (`138****5678`); shorter values keep less.
 */
const mask = (value: string, head: number, tail: number): string => {
  if (value.length <= tail) return '*'.repeat(value.length);
  const keepHead = Math.min(head, Math.max(0, value.length - tail - 1));
  return value.slice(0, keepHead) + '*'.repeat(value.length - keepHead - tail) + value.slice(-tail);
};

export const maskIdNumber = (value: string): string => mask(value, 3, 4);

export const maskPhone = (value: string): string => mask(value, 3, 4);

/** The fields that hold personal numbers, wherever a record carries them. */
const MASKS: Record<string, (value: string) => string> = {
  idNumber: maskIdNumber,
  phone: maskPhone,
  contactPhone: maskPhone,
};

/** A copy of `record` with its ID and phone numbers masked. */
export function maskPii<T extends object>(record: T): T {
  const copy = { ...record } as Record<string, unknown>;
  for (const [field, maskField] of Object.entries(MASKS)) {
    const value = copy[field];
    if (typeof value === 'string' && value !== '') copy[field] = maskField(value);
  }
  return copy as T;
}

/** Phone numbers (mainland mobile, 11 digits) and 18-character ID numbers inside free text, masked. */
export const maskPiiInText = (text: string): string =>
  text
    .replace(/(?<!\d)\d{17}[\dXx](?![\dA-Za-z])/g, (id) => maskIdNumber(id))
    .replace(/(?<!\d)1\d{10}(?!\d)/g, (phone) => maskPhone(phone));

/**
 * The 18-character 居民身份证号码 of GB 11643-1999 (docs/business-rules.md §8.1): 17 digits and a
 * check character computed with ISO 7064 MOD 11-2.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

export const looksLikeResidentId = (value: string): boolean => /^\d{17}[\dXx]$/.test(value);

/** The check character the first 17 digits call for. */
export function residentIdCheckCharacter(first17: string): string {
  const sum = [...first17].reduce((total, digit, index) => total + Number(digit) * WEIGHTS[index]!, 0);
  return CHECK_CHARACTERS[sum % 11]!;
}

/** 18 characters, a real birth date, and the right check character. */
export function isValidResidentId(value: string): boolean {
  if (!looksLikeResidentId(value)) return false;
  const birth = value.slice(6, 14);
  const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10).replaceAll('-', '') !== birth) return false;
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17]!.toUpperCase();
}

/** The whole number for 17 digits: the digits and their check character (for demo data and tests). */
export const residentId = (first17: string): string => first17 + residentIdCheckCharacter(first17);

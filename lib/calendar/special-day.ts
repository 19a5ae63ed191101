/** A day the business calendar treats otherwise than its weekday says: the one shape every schedule source gives. */
export interface SpecialDay {
  date: string;
  /** holiday: a rest day (even on a weekday); workday: a working day (even on a weekend, 调休). */
  kind: 'holiday' | 'workday';
  name: string;
}

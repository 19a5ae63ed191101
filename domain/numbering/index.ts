/** Case and record numbers (YK…, BG…, GD…, HT…, HH…, KH…): the public interface of the numbering used by every area. */
export { nextNumber } from './next-number';

import type { DirtyTracker } from './dirty-tracker';

/** Zeebe encodes the partition id in a key's upper bits; with one partition every key is 2^51 + a counter. */
const PARTITION_OFFSET = 2 ** 51;

export class KeyGenerator {
  private counter = 0;

  constructor(private readonly dirty: DirtyTracker) {}

  load(counter: number): void {
    this.counter = counter;
  }

  next(): number {
    this.counter += 1;
    this.dirty.put('meta', 'keyCounter', this.counter);
    return PARTITION_OFFSET + this.counter;
  }
}

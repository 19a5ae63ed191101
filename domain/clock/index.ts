/** The platform's clock pin (tests, demos, training); the area's public interface. */
export { pinClocks, resetClocks, restoreClockPin } from './clock-pin-use-case';

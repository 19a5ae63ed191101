/** Creating a record once per idempotency key (decision 0024): the public interface used by every area. */
export { createOnce, releaseLeases, type Answer, type CreationSteps, type IdempotentRequest } from './create-once';

/** `?reveal=pii` asks for the whole ID and phone numbers (decision 0025); the address goes to the audit log. */
import type { Request } from 'express';
import { requestAddress } from './request-address';

export const piiRequest = (request: Request) => ({
  reveal: request.query.reveal === 'pii',
  address: requestAddress(request),
});

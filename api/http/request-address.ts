/** The client's address for the audit log and rate limits, as express saw it (`trust proxy` decides behind a proxy). */
import type { Request } from 'express';

export const requestAddress = (request: Request): string => request.ip ?? request.socket.remoteAddress ?? 'unknown';

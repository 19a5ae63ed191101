/**
 * The reader's language for what the models name (steps, processes, forms): English when the request's first
 * `Accept-Language` is English, as the web app sends it in English; the models' own Chinese otherwise, which is
 * also what a client sending none, or `*`, gets (decision 0035). The answer then varies by that header.
 */
import type { Request, Response } from 'express';
import { modelTexts, type ModelLocale, type ModelTexts } from '../../lib/model-texts/model-texts';

export function requestLocale(request: Request): ModelLocale {
  const first = (request.headers['accept-language'] ?? '').split(',')[0].trim();
  return /^en(-|;|$)/i.test(first) ? 'en-US' : 'zh-CN';
}

export function modelTextsFor(request: Request, response: Response): ModelTexts {
  response.vary('Accept-Language');
  return modelTexts(requestLocale(request));
}

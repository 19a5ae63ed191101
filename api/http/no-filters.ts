/** For a list route that takes no filters: any query parameter is a 400 naming it, as on the filtered lists. */
import type { RequestHandler } from 'express';
import { z } from '../../lib/validation/zh-error-map';
import { parseQuery } from '../../lib/validation/parse-input';

const none = z.object({});

export const noFilters: RequestHandler = (request, _response, next) => {
  parseQuery(none, request.query);
  next();
};

/**
 * A case's documents and notices: POST /cases/:businessKey/documents (multipart: `file`, `kind`, optional
 * `taskKey`: an open task of the case, the document is then bound to its step), GET …/documents, GET
 * …/documents/:id/content, DELETE …/documents/:id, GET …/notices, GET …/notices/:kind (a PDF).
 */
import { Router, type RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import {
  DOCUMENT_KINDS,
  deleteDocument,
  documentStore,
  listDocuments,
  noticesOf,
  printNotice,
  readDocument,
  uploadDocument,
} from '../../domain/documents';
import { uploadStepFor } from '../../domain/tasks';
import { AppError, validationError } from '../../lib/errors/app-error';
import { parseId } from '../../lib/validation/parse-input';
import type { AppContext } from '../app-context';
import { currentUser } from '../auth/require-auth';
import { noFilters } from '../http/no-filters';
import { requestAddress } from '../http/request-address';

/** Multer's refusals as the API's errors: too large is 413 with the limit, anything else malformed is 400. */
function multipartFile(maxMegabytes: number): RequestHandler {
  const parse = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: Math.round(maxMegabytes * 1024 * 1024), files: 1, fields: 10 },
    defParamCharset: 'utf8',
  }).single('file');
  return (request, response, next) =>
    parse(request, response, (error?: unknown) => {
      if (!error) return next();
      if (error instanceof MulterError && error.code === 'LIMIT_FILE_SIZE')
        return next(
          new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${maxMegabytes} MB / the file is over ${maxMegabytes} MB`),
        );
      next(validationError(`上传请求无效 / invalid upload: ${(error as Error).message}`));
    });
}

/** An inline download name: the UTF-8 form for browsers, an ASCII fallback for the rest. */
const contentDisposition = (fileName: string, inline: boolean) =>
  `${inline ? 'inline' : 'attachment'}; filename="${fileName.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;

export function documentRoutes(context: AppContext): Router {
  const router = Router();
  const store = documentStore(context.config);
  router.post('/cases/:businessKey/documents', multipartFile(context.config.APP_DOCUMENT_MAX_MB), async (req, res) => {
    if (!req.file) throw validationError('请选择文件 / choose a file to upload (field `file`)');
    const body = req.body as Record<string, unknown>;
    const businessKey = String(req.params.businessKey);
    const user = currentUser(req);
    const taskKey = typeof body.taskKey === 'string' && body.taskKey ? body.taskKey : null;
    const document = await uploadDocument(store, {
      businessKey,
      kind: typeof body.kind === 'string' ? body.kind : '',
      fileName: req.file.originalname,
      content: req.file.buffer,
      reader: user,
      step: taskKey ? await uploadStepFor(context, user, taskKey, businessKey) : null,
      address: requestAddress(req),
    });
    res.status(201).json(document);
  });
  router.get('/cases/:businessKey/documents', noFilters, async (req, res) => {
    // The upload's choices and limit go with the list, so the screen shows the server's, not a copy of them.
    res.json({
      ...(await listDocuments(currentUser(req), String(req.params.businessKey))),
      kinds: Object.keys(DOCUMENT_KINDS),
      maxMegabytes: context.config.APP_DOCUMENT_MAX_MB,
    });
  });
  router.get('/cases/:businessKey/documents/:id/content', async (req, res) => {
    const { document, content } = await readDocument(
      store,
      currentUser(req),
      req.params.businessKey,
      parseId(req.params.id, '资料'),
    );
    res.setHeader('content-type', document.contentType);
    res.setHeader('content-disposition', contentDisposition(document.fileName, true));
    res.setHeader('x-content-type-options', 'nosniff');
    res.send(content);
  });
  router.delete('/cases/:businessKey/documents/:id', async (req, res) => {
    const id = parseId(req.params.id, '资料');
    await deleteDocument(store, currentUser(req), req.params.businessKey, id, requestAddress(req));
    res.status(204).end();
  });
  router.get('/cases/:businessKey/notices', noFilters, async (req, res) => {
    res.json(await noticesOf(currentUser(req), String(req.params.businessKey)));
  });
  router.get('/cases/:businessKey/notices/:kind', async (req, res) => {
    const { fileName, pdf } = await printNotice(req.params.businessKey, req.params.kind, {
      ...currentUser(req),
      address: requestAddress(req),
    });
    res.setHeader('content-type', 'application/pdf');
    res.setHeader('content-disposition', contentDisposition(fileName, true));
    res.send(pdf);
  });
  return router;
}

/** Documents uploaded to cases, and the printable notices of each case: the public interface of the area. */
export { DOCUMENT_KINDS } from './document-kinds';
export {
  deleteDocument,
  documentKindsOf,
  documentStore,
  listDocuments,
  readDocument,
  uploadDocument,
  type DocumentStep,
} from './documents-use-case';
export { NOTICES_BY_AREA, noticesOf, printNotice } from './notices-use-case';

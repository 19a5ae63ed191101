/** Documents uploaded to cases, and the printable notices of each case: the public interface of the area. */
export { DOCUMENT_KINDS } from './document-kinds';
export { documentKindsOf, documentStore, listDocuments, readDocument, uploadDocument } from './documents-use-case';
export { NOTICES_BY_AREA, noticesOf, printNotice } from './notices-use-case';

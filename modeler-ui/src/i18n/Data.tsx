/**
 * Text the API sends as data (names, addresses, what users typed, codes), shown as it is in every language. The
 * mark tells the browser tests' "no Chinese left in English" check that this text is not a label to translate.
 */
import type { ReactNode } from 'react';

export function Data({ children }: { children: ReactNode }) {
  return <span data-i18n="data">{children}</span>;
}

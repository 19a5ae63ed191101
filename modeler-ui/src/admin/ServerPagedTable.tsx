/**
 * A list paged on the server, its page and page size in the URL (`page`, `size`, prefixed where a screen shows several
 * lists; the default size left out): the API is asked with `query` plus the page parameters the list's API names, and
 * the table shows the total.
 */
import { useEffect } from 'react';
import { Table, type TableProps } from 'antd';
import { useApi } from '../api/useApi';
import { useI18n } from '../i18n/I18nProvider';
import { LoadFailed } from '../shell/LoadFailed';
import { useUrlQuery } from '../shell/use-url-query';

const DEFAULT_SIZE = 20;

export interface ServerPagedTableProps<T> extends Omit<
  TableProps<T>,
  'dataSource' | 'pagination' | 'onChange' | 'loading'
> {
  /** The API path without its query. */
  path: string;
  /** The list's filters, taken from the URL by the screen. */
  query: URLSearchParams;
  /** What the API calls its page size (`size` or `limit`). */
  sizeParameter: 'size' | 'limit';
  /** Changed by the screen after it changed an item, to read the page again. */
  refresh?: number;
  /** Names the URL's page parameters (`<prefix>Page`, `<prefix>Size`) when a screen shows more than one list. */
  urlPrefix?: string;
}

export function ServerPagedTable<T extends object>(props: ServerPagedTableProps<T>) {
  const { path, query, sizeParameter, refresh, urlPrefix, ...table } = props;
  const { t } = useI18n();
  const { update, positive } = useUrlQuery();
  const [pageKey, sizeKey] = urlPrefix ? [`${urlPrefix}Page`, `${urlPrefix}Size`] : ['page', 'size'];
  const page = positive(pageKey, 1);
  const size = positive(sizeKey, DEFAULT_SIZE);
  const asked = new URLSearchParams(query);
  asked.set('page', String(page));
  asked.set(sizeParameter, String(size));
  const list = useApi<{ items: T[]; total: number }>(`${path}?${asked}`);
  const { reload } = list;
  useEffect(() => {
    if (refresh) void reload();
  }, [refresh, reload]);
  return (
    <>
      <LoadFailed error={list.error} />
      <Table<T>
        size="small"
        {...table}
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={{
          current: page,
          pageSize: size,
          total: list.data?.total ?? 0,
          showSizeChanger: true,
          showTotal: (n) => t('admin.total', { n }),
        }}
        onChange={(pagination) =>
          update({
            [pageKey]: String(pagination.current ?? 1),
            [sizeKey]: pagination.pageSize === DEFAULT_SIZE ? undefined : String(pagination.pageSize),
          })
        }
      />
    </>
  );
}

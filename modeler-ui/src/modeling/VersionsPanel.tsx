/**
 * A resource's deployed versions (who, when, why), each one exportable, and a diff of the two picked (`a` and `b`
 * in the URL; by default the two newest).
 */
import { useEffect, useState } from 'react';
import { Button, Select, Space, Table, Tag } from 'antd';
import { api } from '../api/http';
import { useApi } from '../api/useApi';
import { useUrlQuery } from '../shell/use-url-query';
import { Data } from '../i18n/Data';
import { useI18n } from '../i18n/I18nProvider';
import { draftPath } from './use-draft';
import { VersionDiff } from './VersionDiff';

interface Version {
  version: number;
  source: string;
  deployedBy: string;
  deployedAt: string;
  comment: string;
}

export function VersionsPanel({ resource, kind }: { resource: string; kind: string }) {
  const { t, dateTime } = useI18n();
  const { params, update } = useUrlQuery();
  const versions = useApi<{ items: Version[] }>(draftPath(resource, '/versions'));
  const items = versions.data?.items ?? [];
  const a = Number(params.get('a') ?? items[1]?.version ?? 0);
  const b = Number(params.get('b') ?? items[0]?.version ?? 0);
  const [contents, setContents] = useState<Record<number, string>>({});

  useEffect(() => {
    for (const version of [a, b])
      if (version && contents[version] === undefined)
        void api<{ content: string }>(draftPath(resource, `/versions/${version}`)).then((answer) =>
          setContents((known) => ({ ...known, [version]: answer.content })),
        );
  }, [a, b, contents, resource]);

  const exportVersion = async (version: number) => {
    const { content } = await api<{ content: string }>(draftPath(resource, `/versions/${version}`));
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([content], { type: 'application/octet-stream' }));
    link.download = resource.slice(resource.lastIndexOf('/') + 1);
    link.click();
  };

  const options = items.map((item) => ({
    value: item.version,
    label: t('modeler.versionN', { version: item.version }),
  }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Table<Version>
        rowKey="version"
        size="small"
        loading={versions.loading}
        dataSource={items}
        pagination={{ pageSize: 10 }}
        columns={[
          { title: t('modeler.column.version'), dataIndex: 'version' },
          {
            title: t('modeler.column.deployedBy'),
            render: (_, row) =>
              row.source === 'file' ? <Tag>{t('modeler.source.file')}</Tag> : <Data>{row.deployedBy}</Data>,
          },
          { title: t('modeler.column.deployedAt'), render: (_, row) => dateTime(row.deployedAt) },
          { title: t('modeler.column.comment'), render: (_, row) => <Data>{row.comment}</Data> },
          {
            title: t('modeler.column.actions'),
            render: (_, row) => (
              <Button size="small" onClick={() => void exportVersion(row.version)}>
                {t('modeler.export')}
              </Button>
            ),
          },
        ]}
      />
      {items.length >= 2 && (
        <Space wrap>
          <label htmlFor="diff-a">{t('modeler.diff.from')}</label>
          <Select id="diff-a" value={a} options={options} onChange={(value) => update({ a: String(value) })} />
          <label htmlFor="diff-b">{t('modeler.diff.to')}</label>
          <Select id="diff-b" value={b} options={options} onChange={(value) => update({ b: String(value) })} />
        </Space>
      )}
      {a > 0 && b > 0 && contents[a] !== undefined && contents[b] !== undefined && (
        <VersionDiff
          kind={kind}
          older={{ version: a, content: contents[a] }}
          newer={{ version: b, content: contents[b] }}
        />
      )}
    </Space>
  );
}

/**
 * `/m/tttt/noi-dung`: the contents Plan 64/KH-UBND requires of a unit's plan, the list Sở TT&TT
 * keeps: add one, rename or reorder it, retire it (a retired content stays on the plans that cite
 * it and is no longer required). Everyone who reads plans reads the list.
 */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, ErrorPanel, Form, Input, InputNumber, PageHeader, Section, Table, Tag, TAG_COLORS, useAccess, useT } from '@dondoc/ui';
import { client, queries, type RequiredContent } from './client.ts';
import { EditDialog } from './EditDialog.tsx';
import './i18n.ts';

interface ContentValues {
  code: string;
  title: string;
  position: number;
  active: boolean;
}

export function ContentsPage() {
  const t = useT('tttt');
  const common = useT();
  const canWrite = useAccess().can('tttt.contents:write');
  const list = useQuery(queries.contents.list.queryOptions());
  const [editing, setEditing] = useState<RequiredContent | 'new' | null>(null);
  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data ?? [];
  const content = editing === 'new' ? null : editing;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('contents.title')} intro={t('contents.intro')} />
      <Section
        title={t('contents.list')}
        loading={list.isPending}
        extra={
          canWrite ? (
            <Button type="primary" onClick={() => setEditing('new')}>
              {t('contents.add')}
            </Button>
          ) : null
        }
      >
        <Table<RequiredContent>
          rowKey="code"
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t('contents.code'), dataIndex: 'code', width: 100 },
            { title: t('contents.content'), dataIndex: 'title' },
            { title: t('contents.position'), dataIndex: 'position', align: 'right', width: 90 },
            { title: t('state'), key: 'active', width: 140, render: (_, row) => (row.active ? <Tag color={TAG_COLORS.green}>{t('contents.required')}</Tag> : <Tag color={TAG_COLORS.grey}>{t('contents.retired')}</Tag>) },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'edit',
                    width: 80,
                    render: (_: unknown, row: RequiredContent) => (
                      <Button size="small" aria-label={t('editNamed', { name: row.code })} onClick={() => setEditing(row)}>
                        {t('edit')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {editing ? (
        <EditDialog<ContentValues>
          title={content ? t('editNamed', { name: content.code }) : t('contents.add')}
          name="tttt-content"
          version={content?.version ?? null}
          initialValues={content ?? { active: true, position: (rows.at(-1)?.position ?? 0) + 10 }}
          save={(values, version) => client.contents.save.mutate({ ...values, code: content?.code ?? values.code, ...(version ? { version } : {}) })}
          onClose={() => setEditing(null)}
        >
          <Form.Item name="code" label={t('contents.code')} rules={[{ required: true, whitespace: true }]} extra={t('contents.codeHelp')}>
            <Input maxLength={30} disabled={content !== null} />
          </Form.Item>
          <Form.Item name="title" label={t('contents.content')} rules={[{ required: true, whitespace: true }]}>
            <Input.TextArea maxLength={500} rows={2} />
          </Form.Item>
          <Form.Item name="position" label={t('contents.position')} rules={[{ required: true }]}>
            <InputNumber min={0} max={10_000} precision={0} />
          </Form.Item>
          <Form.Item name="active" valuePropName="checked">
            <Checkbox>{t('contents.required')}</Checkbox>
          </Form.Item>
        </EditDialog>
      ) : null}
    </div>
  );
}

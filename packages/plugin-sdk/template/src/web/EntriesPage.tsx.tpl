/** `/m/__PLUGIN_ID__/`: the year's results of the caller's units, added and edited in place, exported to xlsx. */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, DATE_FORMAT, downloadFile, ErrorPanel, Form, formatDate, formatNumber, fromDayjs, Input, InputNumber, Modal, PageHeader, Popconfirm, Section, Space, Table, toDayjs, Typography, useAccess, useLocale, useT, useVersionedForm } from '@dondoc/ui';
import { DatePicker } from '@dondoc/ui/date-picker';
import { TARGET_CODE } from '../domain/entries.ts';
import { client, queries, type Entry } from './client.ts';
import './i18n.ts';

const WRITE = '__PLUGIN_ID__.entries:write';

export function EntriesPage() {
  const t = useT('__PLUGIN_ID__');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const list = useQuery(queries.entries.list.queryOptions({}));
  const [editing, setEditing] = useState<Entry | 'new' | null>(null);
  const queryClient = useQueryClient();
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const remove = useMutation({ mutationFn: (entry: Entry) => client.entries.remove.mutate({ id: entry.id, version: entry.version }), onSuccess: refresh });
  const exportFile = useMutation({ mutationFn: () => client.entries.export.query({}), onSuccess: downloadFile });
  const canWrite = access.can(WRITE);

  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('title')} intro={t('intro', { target: TARGET_CODE })} />
      <Section
        title={data ? `${t('year')} ${data.year}` : t('title')}
        loading={list.isPending}
        extra={
          <Space>
            {canWrite ? (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('add')}
              </Button>
            ) : null}
            <Button onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
              {t('export')}
            </Button>
          </Space>
        }
      >
        {data ? <Typography.Paragraph data-testid="entries-total">{t('total', { ...data.summary, quantity: formatNumber(data.summary.quantity, locale) })}</Typography.Paragraph> : null}
        <Table<Entry>
          rowKey="id"
          dataSource={data?.items ?? []}
          pagination={false}
          locale={{ emptyText: t('empty', { year: data?.year ?? '' }) }}
          columns={[
            { title: t('unit'), dataIndex: 'unitName' },
            { title: t('entryTitle'), dataIndex: 'title' },
            { title: t('quantity'), dataIndex: 'quantity', align: 'right', render: (value: number) => formatNumber(value, locale) },
            { title: t('doneOn'), dataIndex: 'doneOn', render: (value: string) => formatDate(value) },
            { title: t('note'), dataIndex: 'note' },
            ...(canWrite
              ? [
                  {
                    title: '',
                    key: 'actions',
                    render: (_: unknown, entry: Entry) => (
                      <Space>
                        <Button size="small" onClick={() => setEditing(entry)}>
                          {t('edit')}
                        </Button>
                        <Popconfirm title={t('removeConfirm', { title: entry.title })} onConfirm={() => remove.mutate(entry)}>
                          <Button size="small" danger>
                            {t('remove')}
                          </Button>
                        </Popconfirm>
                      </Space>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
      {editing ? <EntryForm entry={editing === 'new' ? null : editing} onClose={() => setEditing(null)} onSaved={refresh} /> : null}
    </div>
  );
}

interface EntryValues {
  title: string;
  quantity: number;
  doneOn: ReturnType<typeof toDayjs>;
  note?: string;
}

/** Adds a result or edits one, with the version it was opened on (a stale save shows who changed it). */
function EntryForm({ entry, onClose, onSaved }: { entry: Entry | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('__PLUGIN_ID__');
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<EntryValues>();
  const versioned = useVersionedForm<EntryValues, { version: number }>({
    version: entry?.version ?? null,
    form,
    save: (values, version) => {
      const fields = { title: values.title, quantity: values.quantity, doneOn: fromDayjs(values.doneOn) ?? '', note: values.note || null };
      return entry ? client.entries.update.mutate({ id: entry.id, version: version ?? entry.version, ...fields }) : client.entries.create.mutate(fields);
    },
    onSaved: () => {
      void message.success(t('saved'));
      onSaved();
      onClose();
    },
  });
  return (
    <Modal open title={entry ? t('edit') : t('add')} onCancel={onClose} onOk={() => form.submit()} okText={t('save')} confirmLoading={versioned.mutation.isPending}>
      {versioned.alerts}
      <Form<EntryValues>
        form={form}
        layout="vertical"
        name="__PLUGIN_ID__-entry"
        initialValues={entry ? { title: entry.title, quantity: entry.quantity, doneOn: toDayjs(entry.doneOn), note: entry.note ?? '' } : { quantity: 1 }}
        onFinish={versioned.submit}
      >
        <Form.Item name="title" label={t('entryTitle')} rules={[{ required: true, whitespace: true }]}>
          <Input maxLength={300} showCount />
        </Form.Item>
        <Form.Item name="quantity" label={t('quantity')} rules={[{ required: true }]}>
          <InputNumber min={0} max={1_000_000} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="doneOn" label={t('doneOn')} rules={[{ required: true }]}>
          <DatePicker format={DATE_FORMAT} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="note" label={t('note')}>
          <Input.TextArea maxLength={1000} showCount rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

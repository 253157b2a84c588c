/**
 * `/m/noi-vu/mo-hinh`: good models and practices. A unit proposes its own; Sở Nội vụ recognises
 * (or not, with a reason) and marks models for replication; other units record their adoption.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Button, DownloadButton, ErrorPanel, Form, formatDate, fromDayjs, Input, InputNumber, Modal, PageHeader, Section, Select, Space, Table, Tag, TAG_COLORS, todayIso, toDayjs, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { MODEL_FIELD_LABELS, MODEL_FIELDS, MODEL_STATE_LABELS, type ModelField } from '../domain/models.ts';
import { useSaved } from './saved.ts';
import { client, queries, type Model } from './client.ts';
import './i18n.ts';

const PROPOSE = 'noi-vu.models:propose';
const EVALUATE = 'noi-vu.models:evaluate';

export function ModelsPage() {
  const t = useT('noi-vu');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const list = useQuery(queries.models.list.queryOptions({}));
  const [proposing, setProposing] = useState(false);
  const [adopting, setAdopting] = useState<Model | null>(null);
  const done = useSaved();
  const evaluate = useMutation({ mutationFn: (input: { id: string; version: number; decision: 'recognise' | 'reject'; note: string }) => client.models.evaluate.mutate(input), ...done });
  const replicate = useMutation({ mutationFn: (input: { id: string; version: number; replicate: boolean }) => client.models.replicate.mutate(input), ...done });
  const askReject = (model: Model) => {
    let note = '';
    Modal.confirm({
      title: t('models.reject'),
      content: <Input.TextArea aria-label={t('models.note')} onChange={(e) => (note = e.target.value)} />,
      onOk: () => evaluate.mutateAsync({ id: model.id, version: model.version, decision: 'reject', note }),
    });
  };
  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const c = list.data?.counts;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('models.title')} intro={t('models.intro')} />
      <Space wrap>
        {access.can(PROPOSE) ? <Button type="primary" onClick={() => setProposing(true)}>{t('models.propose')}</Button> : null}
        <DownloadButton load={() => client.models.export.query({})}>{t('export')}</DownloadButton>
      </Space>
      {c ? <Typography.Paragraph>{t('models.counts', c)}</Typography.Paragraph> : null}
      <Section title={t('models.title')} loading={list.isPending}>
        <Table<Model>
          rowKey="id"
          dataSource={list.data?.items ?? []}
          pagination={false}
          size="small"
          locale={{ emptyText: t('models.empty') }}
          expandable={{ expandedRowRender: (m) => <ModelDetail model={m} /> }}
          columns={[
            { title: t('models.name'), dataIndex: 'title' },
            { title: t('models.proposedBy'), dataIndex: 'unitName' },
            { title: t('models.field'), key: 'field', render: (_, m) => MODEL_FIELD_LABELS[m.field as ModelField]?.[locale] ?? m.field },
            { title: t('state'), key: 'state', render: (_, m) => <Space>{MODEL_STATE_LABELS[m.state][locale]}{m.replicate ? <Tag color={TAG_COLORS.green} className="dondoc-tag">{t('models.replicating')}</Tag> : null}</Space> },
            { title: t('models.adoptions'), key: 'adoptions', align: 'right', render: (_, m) => m.adoptions.length },
            {
              title: '',
              key: 'actions',
              render: (_, m) => (
                <Space wrap>
                  {access.can(EVALUATE) && m.state === 'proposed' ? (
                    <>
                      <Button size="small" onClick={() => evaluate.mutate({ id: m.id, version: m.version, decision: 'recognise', note: '' })}>{t('models.recognise')}</Button>
                      <Button size="small" onClick={() => askReject(m)}>{t('models.reject')}</Button>
                    </>
                  ) : null}
                  {access.can(EVALUATE) && m.state === 'recognised' ? (
                    <Button size="small" onClick={() => replicate.mutate({ id: m.id, version: m.version, replicate: !m.replicate })}>{m.replicate ? t('models.unreplicate') : t('models.replicate')}</Button>
                  ) : null}
                  {access.can(PROPOSE) && m.replicate && m.unitCode !== access.unitCode && !m.adoptions.some((a) => a.unitCode === access.unitCode) ? (
                    <Button size="small" onClick={() => setAdopting(m)}>{t('models.adopt')}</Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Section>
      <ProposeDialog open={proposing} onClose={() => setProposing(false)} />
      <AdoptDialog model={adopting} onClose={() => setAdopting(null)} />
    </div>
  );
}

function ModelDetail({ model }: { model: Model }) {
  const t = useT('noi-vu');
  return (
    <div>
      <Typography.Paragraph><strong>{t('models.description')}:</strong> {model.description}</Typography.Paragraph>
      <Typography.Paragraph><strong>{t('models.results')}:</strong> {model.results}</Typography.Paragraph>
      {model.evidence ? <Typography.Paragraph><strong>{t('models.evidence')}:</strong> {model.evidence}</Typography.Paragraph> : null}
      {model.evaluationNote ? <Typography.Paragraph><strong>{t('models.note')}:</strong> {model.evaluationNote}</Typography.Paragraph> : null}
      {model.adoptions.map((a) => (
        <Typography.Paragraph key={a.id}>
          {a.unitName} ({formatDate(a.adoptedOn)}): {a.result}
        </Typography.Paragraph>
      ))}
    </div>
  );
}

function ProposeDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT('noi-vu');
  const { locale } = useLocale();
  const [form] = Form.useForm();
  const saved = useSaved(() => {
    form.resetFields();
    onClose();
  });
  const save = useMutation({
    mutationFn: (values: { year: number; field: ModelField; title: string; description: string; results: string; evidence?: string }) => client.models.propose.mutate({ ...values, evidence: values.evidence ?? '' }),
    ...saved,
  });
  return (
    <Modal open={open} title={t('models.propose')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      <Form form={form} layout="vertical" name="noi-vu-propose" initialValues={{ year: Number(todayIso().slice(0, 4)), field: 'thu_tuc' }} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="title" label={t('models.name')} rules={[{ required: true }]}><Input maxLength={500} /></Form.Item>
        <Space>
          <Form.Item name="year" label={t('year')}><InputNumber min={2020} max={2100} /></Form.Item>
          <Form.Item name="field" label={t('models.field')}><Select style={{ width: 260 }} options={MODEL_FIELDS.map((f) => ({ value: f, label: MODEL_FIELD_LABELS[f][locale] }))} /></Form.Item>
        </Space>
        <Form.Item name="description" label={t('models.description')} rules={[{ required: true }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} /></Form.Item>
        <Form.Item name="results" label={t('models.results')} rules={[{ required: true }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} /></Form.Item>
        <Form.Item name="evidence" label={t('models.evidence')}><Input maxLength={2000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function AdoptDialog({ model, onClose }: { model: Model | null; onClose: () => void }) {
  const t = useT('noi-vu');
  const [form] = Form.useForm();
  const saved = useSaved(() => {
    onClose();
  });
  const save = useMutation({
    mutationFn: (values: { adoptedOn: Dayjs | null; result: string }) => client.models.adopt.mutate({ modelId: model!.id, adoptedOn: fromDayjs(values.adoptedOn) ?? todayIso(), result: values.result }),
    ...saved,
  });
  return (
    <Modal open={model !== null} title={`${t('models.adopt')}: ${model?.title ?? ''}`} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      <Form form={form} layout="vertical" name="noi-vu-adopt" initialValues={{ adoptedOn: toDayjs(todayIso()) }} onFinish={(values) => save.mutate(values)}>
        <Form.Item name="adoptedOn" label={t('models.adoptedOn')} rules={[{ required: true }]}><DateField /></Form.Item>
        <Form.Item name="result" label={t('models.result')} rules={[{ required: true }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}

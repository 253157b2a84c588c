/**
 * `/m/noi-vu/kiem-tra`: inspections of reform work and discipline — each with its findings and
 * follow-ups (a follow-up can be given to the inspected unit as a core task), closed once every
 * follow-up is done — and the discipline cases published. Sở Nội vụ writes; a unit reads its own.
 */
import { useState } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import type { Dayjs } from 'dayjs';
import { Button, Checkbox, DownloadButton, ErrorPanel, Form, formatDate, fromDayjs, Input, Modal, PageHeader, Section, Select, Space, Table, Tag, TAG_COLORS, todayIso, toDayjs, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { DISCIPLINE_MEASURE_LABELS, FOLLOW_UP_STATUS_LABELS, INSPECTION_KIND_LABELS, INSPECTION_KINDS, type DisciplineMeasure, type InspectionKind } from '../domain/inspections.ts';
import { useSaved } from './saved.ts';
import { client, queries, type DisciplineCase, type Inspection } from './client.ts';
import './i18n.ts';

const WRITE = 'noi-vu.inspections:write';
const STATUS_COLORS = { done: TAG_COLORS.green, open: TAG_COLORS.blue, overdue: TAG_COLORS.red } as const;

export function InspectionsPage() {
  const t = useT('noi-vu');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const canWrite = access.can(WRITE);
  const list = useQuery(queries.inspections.list.queryOptions({}));
  const cases = useQuery(queries.inspections.discipline.queryOptions());
  const [adding, setAdding] = useState(false);
  const [followUpFor, setFollowUpFor] = useState<Inspection | null>(null);
  const done = useSaved();
  const close = useMutation({ mutationFn: (i: Inspection) => client.inspections.close.mutate({ id: i.id, version: i.version, closedOn: todayIso() }), ...done });
  const mark = useMutation({ mutationFn: (f: { id: string; version: number }) => client.inspections.markFollowUp.mutate({ id: f.id, version: f.version, doneOn: todayIso() }), ...done });
  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const counts = list.data?.counts;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('inspections.title')} intro={t('inspections.intro')} />
      <Space wrap>
        {canWrite ? <Button type="primary" onClick={() => setAdding(true)}>{t('inspections.add')}</Button> : null}
        <DownloadButton load={() => client.inspections.export.query({})}>{t('export')}</DownloadButton>
      </Space>
      {counts ? <Typography.Paragraph>{t('inspections.counts', { inspections: counts.inspections, closed: counts.closed, done: counts.followUps.done, open: counts.followUps.open, overdue: counts.followUps.overdue })}</Typography.Paragraph> : null}
      <Section title={t('inspections.title')} loading={list.isPending}>
        <Table<Inspection>
          rowKey="id"
          dataSource={list.data?.items ?? []}
          pagination={false}
          size="small"
          locale={{ emptyText: t('inspections.empty') }}
          expandable={{
            expandedRowRender: (i) => (
              <div>
                {i.findings ? <Typography.Paragraph><strong>{t('inspections.findings')}:</strong> {i.findings}</Typography.Paragraph> : null}
                <Typography.Text strong>{t('inspections.followUps')}</Typography.Text>
                <ul>
                  {i.followUps.map((f) => (
                    <li key={f.id}>
                      {f.what} — {t('inspections.dueOn')} {formatDate(f.dueOn)} <Tag color={STATUS_COLORS[f.status]} className="dondoc-tag">{FOLLOW_UP_STATUS_LABELS[f.status][locale]}</Tag>
                      {canWrite && f.status !== 'done' ? <Button size="small" onClick={() => mark.mutate(f)}>{t('inspections.markDone')}</Button> : null}
                    </li>
                  ))}
                </ul>
              </div>
            ),
          }}
          columns={[
            { title: t('inspections.inspectedOn'), key: 'on', render: (_, i) => formatDate(i.inspectedOn) },
            { title: t('unit'), dataIndex: 'unitName' },
            { title: t('inspections.kind'), key: 'kind', render: (_, i) => INSPECTION_KIND_LABELS[i.kind][locale] },
            { title: t('inspections.plan'), dataIndex: 'plan' },
            { title: t('inspections.followUps'), key: 'fu', render: (_, i) => `${i.counts.done}/${i.counts.total}` },
            { title: t('state'), key: 'state', render: (_, i) => (i.closed ? <Tag color={TAG_COLORS.grey} className="dondoc-tag">{t('inspections.closed')}</Tag> : <Tag color={TAG_COLORS.blue} className="dondoc-tag">{t('inspections.open')}</Tag>) },
            {
              title: '',
              key: 'actions',
              render: (_, i) =>
                canWrite && !i.closed ? (
                  <Space>
                    <Button size="small" onClick={() => setFollowUpFor(i)}>{t('inspections.addFollowUp')}</Button>
                    <Button size="small" onClick={() => close.mutate(i)}>{t('inspections.close')}</Button>
                  </Space>
                ) : null,
            },
          ]}
        />
      </Section>
      <Section title={t('inspections.discipline')} loading={cases.isPending}>
        <Table<DisciplineCase>
          rowKey="id"
          dataSource={cases.data ?? []}
          pagination={false}
          size="small"
          locale={{ emptyText: t('inspections.noCases') }}
          columns={[
            { title: t('unit'), dataIndex: 'unitName' },
            { title: t('inspections.subject'), dataIndex: 'subject' },
            { title: t('inspections.violation'), dataIndex: 'violation' },
            { title: t('inspections.measure'), key: 'measure', render: (_, c) => DISCIPLINE_MEASURE_LABELS[c.measure as DisciplineMeasure]?.[locale] ?? c.measure },
            { title: t('inspections.decision'), key: 'decision', render: (_, c) => `${c.decisionNumber ?? ''} ${formatDate(c.decidedOn)}`.trim() },
          ]}
        />
      </Section>
      <InspectionDialog open={adding} onClose={() => setAdding(false)} />
      <FollowUpDialog inspection={followUpFor} onClose={() => setFollowUpFor(null)} />
    </div>
  );
}

function InspectionDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT('noi-vu');
  const { locale } = useLocale();
  const [form] = Form.useForm();
  const saved = useSaved(() => {
    onClose();
  });
  const save = useMutation({
    mutationFn: (v: { kind: InspectionKind; plan: string; unitCode: string; inspectedOn: Dayjs | null; findings?: string }) =>
      client.inspections.create.mutate({ kind: v.kind, plan: v.plan, unitCode: v.unitCode.trim().toUpperCase(), inspectedOn: fromDayjs(v.inspectedOn) ?? todayIso(), findings: v.findings ?? '' }),
    ...saved,
  });
  return (
    <Modal open={open} title={t('inspections.add')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      <Form form={form} layout="vertical" name="noi-vu-inspection" initialValues={{ kind: 'cchc', inspectedOn: toDayjs(todayIso()) }} onFinish={(v) => save.mutate(v)}>
        <Form.Item name="kind" label={t('inspections.kind')}><Select options={INSPECTION_KINDS.map((k) => ({ value: k, label: INSPECTION_KIND_LABELS[k][locale] }))} /></Form.Item>
        <Form.Item name="plan" label={t('inspections.plan')} rules={[{ required: true }]}><Input maxLength={500} /></Form.Item>
        <Form.Item name="unitCode" label={t('unit')} rules={[{ required: true }]}><Input maxLength={20} placeholder="Q001" /></Form.Item>
        <Form.Item name="inspectedOn" label={t('inspections.inspectedOn')} rules={[{ required: true }]}><DateField /></Form.Item>
        <Form.Item name="findings" label={t('inspections.findings')}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={5000} /></Form.Item>
      </Form>
    </Modal>
  );
}

function FollowUpDialog({ inspection, onClose }: { inspection: Inspection | null; onClose: () => void }) {
  const t = useT('noi-vu');
  const [form] = Form.useForm();
  const saved = useSaved(() => {
    onClose();
  });
  const save = useMutation({
    mutationFn: (v: { what: string; dueOn: Dayjs | null; openTask?: boolean }) => client.inspections.addFollowUp.mutate({ inspectionId: inspection!.id, what: v.what, dueOn: fromDayjs(v.dueOn) ?? todayIso(), openTask: v.openTask ?? false }),
    ...saved,
  });
  return (
    <Modal open={inspection !== null} title={t('inspections.addFollowUp')} onCancel={onClose} onOk={() => form.submit()} confirmLoading={save.isPending} okText={t('save')} destroyOnHidden>
      <Form form={form} layout="vertical" name="noi-vu-follow-up" onFinish={(v) => save.mutate(v)}>
        <Form.Item name="what" label={t('inspections.what')} rules={[{ required: true }]}><Input.TextArea autoSize={{ minRows: 2 }} maxLength={2000} /></Form.Item>
        <Form.Item name="dueOn" label={t('inspections.dueOn')} rules={[{ required: true }]}><DateField /></Form.Item>
        <Form.Item name="openTask" valuePropName="checked"><Checkbox>{t('inspections.openTask')}</Checkbox></Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * `/m/van-phong/uy-quyen`: the delegation register (Decision 4610/QĐ-UBND) with its flags —
 * ending within 30 days, ended, a late-handling rate above the threshold the Văn phòng sets —
 * the dossiers each delegate unit reports, and the Văn phòng's inspections and evaluations.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, downloadFile, ErrorPanel, Form, formatDate, formatNumber, formatPercent, FormDialog, fromDayjs, InputNumber, LimitedText, PageHeader, Section, Select, Space, StatusTag, Table, TAG_COLORS, todayIso, toDayjs, typedDateRule, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { ENDING_SOON_DAYS, EVALUATION_KIND_LABELS, EVALUATION_KINDS, FLAG_LABELS, MAX_TEXT_LENGTH, RECOMMENDATION_LABELS, RECOMMENDATIONS, type DelegationFlag, type Recommendation } from '../domain/index.ts';
import { CAN, client, queries, type Delegation } from './client.ts';
import './i18n.ts';

const FLAG_COLORS: Record<DelegationFlag, string> = { ending_soon: TAG_COLORS.orange, ended: TAG_COLORS.grey, late_rate: TAG_COLORS.red };

export function DelegationsPage() {
  const t = useT('van-phong');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const list = useQuery(queries.delegations.list.queryOptions({}));
  const [reporting, setReporting] = useState<Delegation | null>(null);
  const [evaluating, setEvaluating] = useState<Delegation | null>(null);
  const [threshold, setThreshold] = useState(false);
  const [creating, setCreating] = useState(false);
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const exportFile = useMutation({ mutationFn: () => client.delegations.export.query({}), onSuccess: downloadFile });
  const canManage = access.can(CAN.delegationsWrite);
  const canReport = access.can(CAN.delegationsReport);

  if (list.isError) return <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />;
  const data = list.data;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('delegations.title')} intro={t('delegations.intro', { days: ENDING_SOON_DAYS })} />
      <Section
        title={t('delegations.list')}
        loading={list.isPending}
        extra={
          <Space wrap>
            {canManage ? (
              <>
                <Button type="primary" onClick={() => setCreating(true)}>
                  {t('delegations.add')}
                </Button>
                <Button onClick={() => setThreshold(true)}>{t('delegations.setThreshold')}</Button>
              </>
            ) : null}
            <Button onClick={() => exportFile.mutate()} loading={exportFile.isPending}>
              {t('common.export')}
            </Button>
          </Space>
        }
      >
        {data ? (
          <Typography.Paragraph data-testid="delegation-flags">
            {t('delegations.summary', { threshold: formatPercent(data.threshold.lateThreshold, locale), endingSoon: data.flags.ending_soon, ended: data.flags.ended, late: data.flags.late_rate })}
          </Typography.Paragraph>
        ) : null}
        <Table<Delegation>
          rowKey="id"
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 50, hideOnSinglePage: true }}
          scroll={{ x: true }}
          locale={{ emptyText: t('delegations.empty') }}
          columns={[
            { title: t('catalogue.code'), dataIndex: 'procedureCode' },
            { title: t('catalogue.name'), dataIndex: 'procedureName' },
            { title: t('delegations.authority'), dataIndex: 'delegatingAuthority' },
            { title: t('delegations.delegate'), dataIndex: 'delegateUnitName' },
            { title: t('delegations.decision'), dataIndex: 'decisionNumber' },
            { title: t('delegations.period'), key: 'period', render: (_: unknown, row) => `${formatDate(row.startsOn)} – ${row.endsOn ? formatDate(row.endsOn) : t('delegations.openEnded')}` },
            { title: t('delegations.dossiers'), key: 'dossiers', align: 'right', render: (_: unknown, row) => `${formatNumber(row.onTime, locale)} / ${formatNumber(row.late, locale)}` },
            { title: t('delegations.lateRate'), dataIndex: 'lateRate', align: 'right', render: (value: number | null) => formatPercent(value, locale) },
            {
              title: t('delegations.flags'),
              dataIndex: 'flags',
              render: (flags: DelegationFlag[]) => (
                <Space wrap size={4}>
                  {flags.map((flag) => (
                    <StatusTag key={flag} value={flag} labels={FLAG_LABELS} colors={FLAG_COLORS} />
                  ))}
                </Space>
              ),
            },
            {
              title: t('delegations.latest'),
              key: 'latest',
              render: (_: unknown, row) => (row.evaluations[0] ? `${formatDate(row.evaluations[0].evaluatedOn)}: ${RECOMMENDATION_LABELS[row.evaluations[0].recommendation as Recommendation][locale]}` : '—'),
            },
            {
              title: '',
              key: 'actions',
              render: (_: unknown, row) => (
                <Space wrap>
                  {canReport ? (
                    <Button size="small" onClick={() => setReporting(row)} aria-label={`${t('delegations.report')} ${row.procedureCode}`}>
                      {t('delegations.report')}
                    </Button>
                  ) : null}
                  {canManage ? (
                    <Button size="small" onClick={() => setEvaluating(row)} aria-label={`${t('delegations.evaluate')} ${row.procedureCode}`}>
                      {t('delegations.evaluate')}
                    </Button>
                  ) : null}
                </Space>
              ),
            },
          ]}
        />
      </Section>
      <DossiersDialog delegation={reporting} onClose={() => setReporting(null)} onSaved={refresh} />
      <EvaluateDialog delegation={evaluating} onClose={() => setEvaluating(null)} onSaved={refresh} />
      {creating ? <CreateDialog onClose={() => setCreating(false)} onSaved={refresh} /> : null}
      {data ? <ThresholdDialog open={threshold} current={data.threshold} onClose={() => setThreshold(false)} onSaved={refresh} /> : null}
    </div>
  );
}

function DossiersDialog({ delegation, onClose, onSaved }: { delegation: Delegation | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const send = useMutation({
    mutationFn: (values: { onTime: number; late: number }) => client.delegations.reportDossiers.mutate({ id: delegation!.id, version: delegation!.version, ...values }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormDialog<{ onTime: number; late: number }>
      open={delegation !== null}
      title={`${t('delegations.report')}: ${delegation?.procedureCode ?? ''}`}
      okText={t('common.save')}
      name="van-phong-dossiers"
      action={send}
      onSubmit={(values) => send.mutate(values)}
      onClose={onClose}
      initialValues={delegation ? { onTime: delegation.onTime, late: delegation.late } : {}}
    >
      <Form.Item name="onTime" label={t('delegations.onTime')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="late" label={t('delegations.late')} rules={[{ required: true }]}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

interface EvaluationValues {
  kind: (typeof EVALUATION_KINDS)[number];
  evaluatedOn: ReturnType<typeof toDayjs>;
  findings: string;
  recommendation: Recommendation;
}

function EvaluateDialog({ delegation, onClose, onSaved }: { delegation: Delegation | null; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const { locale } = useLocale();
  const send = useMutation({
    mutationFn: (values: EvaluationValues) => client.delegations.evaluate.mutate({ delegationId: delegation!.id, kind: values.kind, evaluatedOn: fromDayjs(values.evaluatedOn) ?? '', findings: values.findings, recommendation: values.recommendation }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormDialog<EvaluationValues>
      open={delegation !== null}
      title={`${t('delegations.evaluate')}: ${delegation?.procedureCode ?? ''}`}
      okText={t('common.save')}
      name="van-phong-evaluate"
      action={send}
      onSubmit={(values) => send.mutate(values)}
      onClose={onClose}
      initialValues={{ kind: 'inspection', evaluatedOn: toDayjs(todayIso()), recommendation: 'keep' }}
    >
      <Form.Item name="kind" label={t('delegations.kind')} rules={[{ required: true }]}>
        <Select options={EVALUATION_KINDS.map((value) => ({ value, label: EVALUATION_KIND_LABELS[value][locale] }))} />
      </Form.Item>
      <Form.Item name="evaluatedOn" label={t('delegations.evaluatedOn')} rules={[{ required: true }, typedDateRule()]}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="findings" label={t('delegations.findings')} rules={[{ required: true, whitespace: true }]}>
        <LimitedText max={MAX_TEXT_LENGTH} rows={3} />
      </Form.Item>
      <Form.Item name="recommendation" label={t('delegations.recommendation')} rules={[{ required: true }]}>
        <Select options={RECOMMENDATIONS.map((value) => ({ value, label: RECOMMENDATION_LABELS[value][locale] }))} />
      </Form.Item>
    </FormDialog>
  );
}

function ThresholdDialog({ open, current, onClose, onSaved }: { open: boolean; current: { lateThreshold: number; version: number | null }; onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const send = useMutation({
    mutationFn: (values: { lateThreshold: number }) => client.delegations.setThreshold.mutate({ version: current.version, lateThreshold: values.lateThreshold }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormDialog<{ lateThreshold: number }>
      open={open}
      title={t('delegations.setThreshold')}
      okText={t('common.save')}
      name="van-phong-threshold"
      action={send}
      onSubmit={(values) => send.mutate(values)}
      onClose={onClose}
      initialValues={{ lateThreshold: current.lateThreshold }}
    >
      <Form.Item name="lateThreshold" label={t('delegations.threshold')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} addonAfter="%" />
      </Form.Item>
    </FormDialog>
  );
}

interface DelegationValues {
  procedureId: string;
  delegatingAuthority: string;
  delegateUnitCode: string;
  decisionNumber: string;
  startsOn: ReturnType<typeof toDayjs>;
  endsOn?: ReturnType<typeof toDayjs>;
}

/** The Văn phòng enters a delegation: the procedure (of the catalogue), who delegates to whom, the decision and its period. */
function CreateDialog({ onClose, onSaved }: { onClose: () => void; onSaved: () => void }) {
  const t = useT('van-phong');
  const procedures = useQuery(queries.procedures.list.queryOptions({}));
  const units = useQuery(queries.delegations.units.queryOptions());
  const send = useMutation({
    mutationFn: (values: DelegationValues) =>
      client.delegations.create.mutate({
        procedureId: values.procedureId,
        delegatingAuthority: values.delegatingAuthority,
        delegateUnitCode: values.delegateUnitCode,
        decisionNumber: values.decisionNumber,
        startsOn: fromDayjs(values.startsOn) ?? '',
        endsOn: fromDayjs(values.endsOn),
      }),
    onSuccess: () => {
      onSaved();
      onClose();
    },
  });
  return (
    <FormDialog<DelegationValues>
      open
      title={t('delegations.add')}
      okText={t('common.save')}
      name="van-phong-delegation"
      action={send}
      onSubmit={(values) => send.mutate(values)}
      onClose={onClose}
      initialValues={{ delegatingAuthority: 'UBND Thành phố', decisionNumber: '4610/QĐ-UBND' }}
    >
      <Form.Item name="procedureId" label={t('catalogue.name')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={procedures.isPending} options={(procedures.data ?? []).map((row) => ({ value: row.id, label: `${row.code} — ${row.name}` }))} />
      </Form.Item>
      <Form.Item name="delegatingAuthority" label={t('delegations.authority')} rules={[{ required: true, whitespace: true }]}>
        <LimitedText max={200} rows={1} />
      </Form.Item>
      <Form.Item name="delegateUnitCode" label={t('delegations.delegate')} rules={[{ required: true }]}>
        <Select showSearch optionFilterProp="label" loading={units.isPending} options={(units.data ?? []).map((unit) => ({ value: unit.code, label: unit.name }))} />
      </Form.Item>
      <Form.Item name="decisionNumber" label={t('delegations.decision')} rules={[{ required: true, whitespace: true }]}>
        <LimitedText max={100} rows={1} />
      </Form.Item>
      <Form.Item name="startsOn" label={t('delegations.startsOn')} rules={[{ required: true }, typedDateRule()]}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="endsOn" label={t('delegations.endsOn')} rules={[typedDateRule()]}>
        <DateField style={{ width: '100%' }} />
      </Form.Item>
    </FormDialog>
  );
}

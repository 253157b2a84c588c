/**
 * `/m/tai-chinh/tong-hop`: the share of autonomous units per year, city-wide and per managing
 * unit, the core target 2458-CT3 with its trend forecast beside what the roadmap promises,
 * Sở Tài chính's approvals, and the units behind their roadmap.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Col, ErrorPanel, FORECAST_COLORS, Form, formatDate, FormDialog, Input, PageHeader, Row, Section, Select, Space, StatusTag, Table, type TableColumnsType, Tag, TAG_COLORS, Typography, useT } from '@dondoc/ui';
import { Progress, Statistic } from '@dondoc/ui/panels';
import { FORECAST_CLASS_LABELS } from '@dondoc/plugin-sdk/web';
import { AUTONOMY_TARGET_SHARE, mismatchesToApprove } from '../domain/index.ts';
import { taiChinh, type Consolidation } from './client.ts';
import { ApprovalTag, ProvisionalNote, useModuleAccess, useFormats } from './parts.tsx';
import './i18n.ts';

type ManagingRow = Consolidation['managingUnits'][number];

export function ConsolidationPage() {
  const t = useT('tai-chinh');
  const f = useFormats();
  const access = useModuleAccess();
  const queryClient = useQueryClient();
  const [year, setYear] = useState<number | undefined>(undefined);
  const focus = year ?? access.data?.currentYear;
  const [approving, setApproving] = useState<{ codes: string[] | undefined; names: string } | null>(null);
  const [returning, setReturning] = useState<ManagingRow | null>(null);
  const [done, setDone] = useState<{ key: string; params: Record<string, unknown> } | null>(null);

  const summary = useQuery({ ...taiChinh.consolidation.summary.queryOptions({ year: focus }), enabled: focus !== undefined });
  const target = useQuery(taiChinh.consolidation.target.queryOptions());
  const refresh = () => void queryClient.invalidateQueries(taiChinh.pathFilter());

  const approve = useMutation({
    ...taiChinh.consolidation.approve.mutationOptions(),
    onSuccess: (result) => {
      setApproving(null);
      setDone({
        key: result.provisional ? 'consolidation.approved_done_provisional' : 'consolidation.approved_done',
        params: { year: result.year, share: result.share.share, basis: result.basis },
      });
      refresh();
    },
  });
  const reopen = useMutation({
    ...taiChinh.consolidation.reopen.mutationOptions(),
    onSuccess: () => {
      setDone({ key: 'consolidation.reopened', params: { unit: returning?.managingUnit.name } });
      setReturning(null);
      refresh();
    },
  });

  if (access.isError) return <ErrorPanel title={t('common:common.loadFailed')} error={access.error} onRetry={() => void access.refetch()} />;
  const canApprove = access.data?.canApprove ?? false;
  const data = summary.data;
  const current = data?.years.find((y) => y.year === focus);
  // The dialog warns about the units of the managing units being approved, not the whole city's.
  const approvingMismatches = data && approving ? mismatchesToApprove(data.managingUnits, approving.codes) : 0;

  const columns: TableColumnsType<ManagingRow> = [
    {
      title: t('common.managingUnit'),
      key: 'name',
      render: (_, row) => <span style={{ display: 'inline-block', minWidth: 170 }}>{row.managingUnit.name}</span>,
    },
    { title: t('consolidation.count'), dataIndex: 'units', align: 'right' },
    ...([1, 2, 3, 4] as const).map((g) => ({
      title: f.groupShort(g),
      key: `g${g}`,
      width: 64,
      align: 'right' as const,
      render: (_: unknown, row: ManagingRow) => row.summary.byGroup[g - 1],
    })),
    { title: t('consolidation.share'), key: 'share', align: 'right', render: (_, row) => f.percent(row.summary.entered.share) },
    { title: t('consolidation.yearsPlanned'), key: 'planned', align: 'right', render: (_, row) => f.percent(row.summary.planned.share) },
    { title: t('consolidation.behind'), key: 'behind', align: 'right', render: (_, row) => row.summary.behind || '—' },
    {
      title: t('consolidation.mismatches'),
      key: 'mismatches',
      align: 'right',
      render: (_, row) => (row.mismatches > 0 ? <Tag color={TAG_COLORS.red}>{row.mismatches}</Tag> : '—'),
    },
    {
      title: t('common.approval'),
      key: 'approval',
      width: 250,
      render: (_, row) => (
        <Space orientation="vertical" size={4}>
          <ApprovalTag status={row.approval?.status ?? 'pending'} />
          {row.approval ? (
            <Typography.Text type="secondary">{t('consolidation.approvedBy', { user: row.approval.decidedBy, date: formatDate(row.approval.decidedAt) })}</Typography.Text>
          ) : null}
          {row.approval?.note ? (
            <Typography.Text type="secondary" ellipsis={{ tooltip: row.approval.note }} style={{ maxWidth: 230 }}>
              “{row.approval.note}”
            </Typography.Text>
          ) : null}
          {canApprove && row.summary.entered.counted > 0 ? (
            <Space wrap size={4}>
              <Button
                size="small"
                type={row.approval?.status === 'approved' ? 'default' : 'primary'}
                aria-label={t('consolidation.approveLabel', { year: focus, unit: row.managingUnit.name })}
                onClick={() => setApproving({ codes: [row.managingUnit.code], names: row.managingUnit.name })}
              >
                {t('consolidation.approve')}
              </Button>
              {row.approval?.status === 'approved' ? (
                <Button size="small" aria-label={t('consolidation.reopenLabel', { year: focus, unit: row.managingUnit.name })} onClick={() => setReturning(row)}>
                  {t('consolidation.reopen')}
                </Button>
              ) : null}
            </Space>
          ) : null}
        </Space>
      ),
    },
  ];

  const forecast = target.data?.target.forecast;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('consolidation.title')} intro={t('consolidation.intro')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <label htmlFor="tai-chinh-consolidation-year">{t('common.year')}</label>
        <Select
          id="tai-chinh-consolidation-year"
          value={focus}
          style={{ width: 100 }}
          options={(access.data?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
          onChange={(value: number) => setYear(value)}
        />
        {data ? <Typography.Text>{data.scope === 'all' ? t('common.scopeAll') : t('common.scopeOwn', { unit: access.data?.ownUnit?.name ?? '' })}</Typography.Text> : null}
      </Space>
      {done ? (
        <Alert
          role="status"
          type="success"
          showIcon
          closable
          title={t(done.key, { ...done.params, share: f.percent(done.params.share as number | null | undefined) })}
          onClose={() => setDone(null)}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      {summary.isError ? <ErrorPanel title={t('common:common.loadFailed')} error={summary.error} onRetry={() => void summary.refetch()} /> : null}

      <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
        <Col xs={24} lg={12}>
          <Section size="default" style={{ marginBottom: 0 }} loading={summary.isPending} title={t('consolidation.shareTitle', { year: focus })}>
            {current ? (
              <>
                <Progress
                  percent={Math.min(100, current.entered.share ?? 0)}
                  format={() => f.percent(current.entered.share)}
                  status="normal"
                  strokeColor={(current.entered.share ?? 0) >= AUTONOMY_TARGET_SHARE ? TAG_COLORS.green : TAG_COLORS.orange}
                  aria-label={t('consolidation.shareTitle', { year: focus })}
                />
                <Typography.Paragraph type="secondary">{t('consolidation.target', { value: AUTONOMY_TARGET_SHARE })}</Typography.Paragraph>
                <Row gutter={16}>
                  <Col span={8}>
                    <Statistic title={t('consolidation.entered')} value={f.percent(current.entered.share)} />
                    <Typography.Text type="secondary">{t('common.percentOf', current.entered)}</Typography.Text>
                  </Col>
                  <Col span={8} data-testid="recordable-share">
                    <Statistic title={t('consolidation.recordable')} value={f.percent(current.recordable.share)} />
                    <Typography.Text type="secondary">{t('common.percentOf', current.recordable)}</Typography.Text>
                    <div>
                      <ProvisionalNote share={current.recordable} />
                    </div>
                  </Col>
                  <Col span={8}>
                    <Statistic title={t('consolidation.planned')} value={f.percent(current.planned.share)} />
                  </Col>
                </Row>
                <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
                  {t('consolidation.recordableHelp', { year: focus })}
                </Typography.Paragraph>
                <Typography.Paragraph style={{ marginTop: 12 }}>
                  <span data-testid="recorded-share">
                    {current.recorded
                      ? t('consolidation.recorded', { value: f.percent(current.recorded.value), date: formatDate(current.recorded.asOf) })
                      : t('consolidation.notRecorded')}
                  </span>{' '}
                  {current.recorded ? <ProvisionalNote share={current.recorded} /> : null}
                </Typography.Paragraph>
              </>
            ) : null}
          </Section>
        </Col>
        <Col xs={24} lg={12}>
          <Section size="default" style={{ marginBottom: 0 }} loading={target.isPending} title={t('consolidation.targetTitle', { code: target.data?.target.code ?? '2458-CT3' })}>
            {target.isError ? <ErrorPanel title={t('common:common.loadFailed')} error={target.error} onRetry={() => void target.refetch()} /> : null}
            {target.data && forecast ? (
              <>
                <Typography.Paragraph>{target.data.target.name}</Typography.Paragraph>
                <Space wrap align="start" size="large">
                  <div>
                    <Typography.Text type="secondary">{t('consolidation.forecast')}</Typography.Text>
                    <div>
                      <StatusTag value={forecast.class} labels={FORECAST_CLASS_LABELS} colors={FORECAST_COLORS} data-testid="forecast-class" />
                    </div>
                  </div>
                  <Statistic
                    title={t('consolidation.latest')}
                    value={forecast.latestValue === null ? '—' : f.percent(forecast.latestValue)}
                    suffix={forecast.latestOn ? <small>({formatDate(forecast.latestOn)})</small> : null}
                  />
                  {forecast.projectedValue !== null ? (
                    <Statistic title={t('consolidation.projected', { date: formatDate(target.data.target.targetDate) })} value={f.percent(forecast.projectedValue)} />
                  ) : null}
                  <Statistic title={t('consolidation.promise')} value={f.percent(target.data.promise?.share)} />
                </Space>
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  {t('consolidation.target', { value: target.data.target.targetValue })} ({formatDate(target.data.target.targetDate)})
                </Typography.Paragraph>
              </>
            ) : null}
          </Section>
        </Col>
      </Row>

      <Section size="default" title={t('consolidation.yearsTitle')}>
        <Table
          size="small"
          pagination={false}
          rowKey="year"
          loading={summary.isPending}
          dataSource={data?.years ?? []}
          columns={[
            { title: t('common.year'), dataIndex: 'year' },
            { title: t('consolidation.yearsEntered'), key: 'entered', align: 'right', render: (_, y) => `${f.percent(y.entered.share)} (${t('common.percentOf', y.entered)})` },
            {
              title: t('consolidation.yearsApproved'),
              key: 'recordable',
              align: 'right',
              render: (_, y) => (
                <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
                  {`${f.percent(y.recordable.share)} (${t('common.percentOf', y.recordable)})`}
                  <ProvisionalNote share={y.recordable} />
                </Space>
              ),
            },
            {
              title: t('consolidation.yearsRecorded'),
              key: 'recorded',
              align: 'right',
              render: (_, y) =>
                y.recorded ? (
                  <Space size={4} wrap style={{ justifyContent: 'flex-end' }}>
                    {`${f.percent(y.recorded.value)} (${formatDate(y.recorded.asOf)})`}
                    {y.recorded.provisional ? <Tag color={TAG_COLORS.orange}>{t('consolidation.provisionalTag')}</Tag> : null}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: t('consolidation.yearsPlanned'), key: 'planned', align: 'right', render: (_, y) => f.percent(y.planned.share) },
          ]}
        />
      </Section>

      <Section
        size="default"
        title={t('consolidation.unitsTitle', { year: focus })}
        extra={
          canApprove && data && data.managingUnits.some((m) => m.summary.entered.counted > 0) ? (
            <Button type="primary" onClick={() => setApproving({ codes: undefined, names: t('common.allManagingUnits').toLowerCase() })}>
              {t('consolidation.approveAll', { year: focus })}
            </Button>
          ) : null
        }
      >
        <Table<ManagingRow>
          rowKey={(row) => row.managingUnit.code}
          loading={summary.isPending}
          dataSource={data?.managingUnits ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: t('consolidation.empty') }}
          scroll={{ x: 1000 }}
        />
      </Section>

      <Section size="default" title={t('consolidation.behindTitle', { year: focus })}>
        {data && data.behind.length === 0 ? <Typography.Paragraph>{t('consolidation.behindNone')}</Typography.Paragraph> : null}
        {data?.behind.map((group) => (
          <section key={group.managingUnit.code}>
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 8 }}>
              {group.managingUnit.name}
            </Typography.Title>
            <ul>
              {group.units.map((unit) => (
                <li key={unit.id}>{t('consolidation.behindItem', { name: unit.name, planned: unit.plannedGroup, actual: unit.group })}</li>
              ))}
            </ul>
          </section>
        ))}
      </Section>

      <FormDialog<{ note?: string }>
        open={approving !== null}
        name="tai-chinh-approve"
        title={t('consolidation.approveConfirmTitle', { year: focus })}
        okText={t('consolidation.approve')}
        action={approve}
        onClose={() => setApproving(null)}
        onSubmit={(values) => approve.mutate({ year: focus!, managingUnitCodes: approving?.codes, note: values.note || undefined })}
        intro={
          <>
            <Typography.Paragraph>{t('consolidation.approveConfirm', { year: focus, units: approving?.names ?? '' })}</Typography.Paragraph>
            {approvingMismatches > 0 ? <Alert type="warning" showIcon title={t('consolidation.approveMismatch', { count: approvingMismatches })} style={{ marginBottom: 12 }} /> : null}
          </>
        }
      >
        <Form.Item label={t('consolidation.note')} name="note">
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormDialog>

      <FormDialog<{ note: string }>
        open={returning !== null}
        name="tai-chinh-reopen"
        title={returning ? t('consolidation.reopenTitle', { year: focus, unit: returning.managingUnit.name }) : ''}
        okText={t('consolidation.reopen')}
        action={reopen}
        onClose={() => setReturning(null)}
        onSubmit={(values) =>
          returning && reopen.mutate({ year: focus!, managingUnitCode: returning.managingUnit.code, version: returning.approval!.version, note: values.note })
        }
      >
        <Form.Item label={t('consolidation.reopenReason')} name="note" rules={[{ required: true, whitespace: true, message: t('consolidation.reopenRequired') }]}>
          <Input.TextArea rows={3} maxLength={1000} />
        </Form.Item>
      </FormDialog>
    </div>
  );
}

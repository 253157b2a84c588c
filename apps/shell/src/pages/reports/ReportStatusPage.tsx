import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Button, Form, Radio, Space, Table, Tag, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { isPeriodId, periodById } from '@dondoc/core';
import { errorMessage, ErrorPanel, formatDate, formatDateTime, personLabel, Section, useAccess, useDocumentTitle, useT } from '@dondoc/ui';
import { core, type ReportStatusRow } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import { currentPeriod, reportPath } from '../../core/periods.ts';
import { ReportStateTag } from '../../core/tags.tsx';
import { Loading } from '../../components/Loading.tsx';
import { PeriodFields } from './PeriodFields.tsx';

type Kind = 'all' | 'department' | 'district';
const KINDS: readonly Kind[] = ['all', 'department', 'district'];
const KIND_PARAM: Record<Kind, string> = { all: 'tat-ca', department: 'so-nganh', district: 'quan-huyen' };

/**
 * `/bao-cao/tinh-hinh`: the coordinators' "who has not reported" of a period (the current one
 * by default, `?ky=`): every unit owing the report, its state, days late, last reminder; a
 * kind-of-unit filter (`?loai=`); a reminder for one unit or every unit not submitted at once.
 */
export function ReportStatusPage() {
  const t = useT('shell');
  const labels = useLabels();
  const access = useAccess();
  const [params, setParams] = useSearchParams();
  const periodParam = params.get('ky');
  const period = useMemo(() => (isPeriodId(periodParam) ? periodById(periodParam) : currentPeriod('quarter')), [periodParam]);
  const kind = KINDS.find((k) => KIND_PARAM[k] === params.get('loai')) ?? 'all';
  const periodName = labels.text(period.label);
  useDocumentTitle(t('followUp.title', { period: periodName }));

  const status = useQuery({
    queryKey: [...coreKeys.all, 'report-status', period.id, kind],
    queryFn: () => core.reports.status.query({ periodId: period.id, ...(kind === 'all' ? {} : { kind }) }),
  });
  const select = (next: { periodId?: string; kind?: Kind }) =>
    setParams((current) => {
      const p = new URLSearchParams(current);
      if (next.periodId) p.set('ky', next.periodId);
      if (next.kind) p.set('loai', KIND_PARAM[next.kind]);
      return p;
    });

  return (
    <div className="dondoc-page">
      <Typography.Title level={1}>{t('followUp.title', { period: periodName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('followUp.intro')}</Typography.Paragraph>
      <div className="dondoc-filters" role="group" aria-label={t('report.choose')}>
        <Form layout="vertical" component={false}>
          <PeriodFields idPrefix="status" period={period} onChange={(periodId) => select({ periodId })} />
          <Form.Item label={t('followUp.kind')}>
            <Radio.Group
              optionType="button"
              value={kind}
              onChange={(e) => select({ kind: e.target.value as Kind })}
              aria-label={t('followUp.kind')}
              options={KINDS.map((k) => ({ value: k, label: t(k === 'all' ? 'followUp.kindAll' : k === 'department' ? 'followUp.kindDepartment' : 'followUp.kindDistrict') }))}
            />
          </Form.Item>
        </Form>
      </div>
      {status.isPending ? (
        <Loading text={t('followUp.loading')} />
      ) : status.isError ? (
        <ErrorPanel title={t('followUp.loadFailed')} error={status.error} onRetry={() => void status.refetch()} />
      ) : (
        <StatusTable key={`${period.id}:${kind}`} data={status.data} canRemind={access.can(perm.remindersSend)} />
      )}
    </div>
  );
}

type StatusView = Awaited<ReturnType<typeof core.reports.status.query>>;

function StatusTable({ data, canRemind }: { data: StatusView; canRemind: boolean }) {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [outcome, setOutcome] = useState<string | null>(null);
  const owing = data.rows.filter((row) => row.state !== 'submitted' && row.state !== 'accepted');
  const remind = useMutation({
    mutationFn: (unitCodes: string[]) => core.reports.remind.mutate({ periodId: data.period.id, unitCodes }),
    onSuccess: (result) => {
      const sent = result.sent.length;
      const skipped = result.skipped.filter((s) => s.reason === 'already_reminded_today').length;
      const text = sent === 0 ? t('followUp.remindedNone', { skipped }) : skipped > 0 ? t('followUp.remindedSkipped', { sent, skipped }) : t('followUp.remindedResult', { sent });
      setOutcome(text);
      void message.success(text);
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    onError: (error) => {
      setOutcome(null);
      void message.error(errorMessage(error));
    },
  });
  const dueText = data.daysLeft === null ? t('followUp.overdue') : data.daysLeft === 0 ? t('followUp.dueToday') : t('followUp.daysLeft', { count: data.daysLeft });
  return (
    <Section
      title={t('followUp.listTitle', { count: data.rows.length })}
    >
      <dl className="dondoc-stats dondoc-stats-small">
        <div>
          <dt>{t('followUp.units')}</dt>
          <dd>{data.counts.units}</dd>
        </div>
        <div>
          <dt>{t('followUp.submitted')}</dt>
          <dd>{data.counts.submitted}</dd>
        </div>
        <div>
          <dt>{t('followUp.notSubmitted')}</dt>
          <dd>{data.counts.notSubmitted}</dd>
        </div>
        <div>
          <dt>{t('followUp.due')}</dt>
          <dd>
            {formatDate(data.period.dueDate)} <span className="dondoc-muted">({dueText})</span>
          </dd>
        </div>
      </dl>
      {canRemind && owing.length > 0 ? (
        <Button type="primary" className="dondoc-gap" icon={<BellOutlined aria-hidden />} loading={remind.isPending && remind.variables.length > 1} onClick={() => remind.mutate(owing.map((row) => row.unit.code))}>
          {t('followUp.remindAll', { count: owing.length })}
        </Button>
      ) : null}
      {outcome ? <Alert type="success" showIcon className="dondoc-gap" role="status" title={outcome} onClose={() => setOutcome(null)} closable /> : null}
      <Table<ReportStatusRow>
        className="dondoc-gap"
        size="small"
        rowKey={(row) => row.unit.code}
        dataSource={data.rows}
        pagination={false}
        locale={{ emptyText: t('followUp.noUnits') }}
        columns={[
          {
            title: t('followUp.unit'),
            key: 'unit',
            render: (_, row) => (
              <Link to={reportPath(data.period.id, row.unit.code)} aria-label={t('followUp.openReport', { unit: row.unit.name })}>
                {row.unit.name}
              </Link>
            ),
          },
          {
            title: t('followUp.state'),
            key: 'state',
            render: (_, row) => (
              <Space size={[4, 4]} wrap>
                {row.state === 'none' ? <Tag className="dondoc-tag">{t('followUp.none')}</Tag> : <ReportStateTag state={row.state} />}
                {row.daysLate > 0 ? (
                  <Tag className="dondoc-tag" color="#a8071a">
                    {t('followUp.late', { count: row.daysLate })}
                  </Tag>
                ) : (
                  <Typography.Text type="secondary">{row.submittedAt ? t('followUp.onTime') : t('followUp.notDue')}</Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('followUp.submittedAt'),
            key: 'submittedAt',
            responsive: ['lg'],
            render: (_, row) => (row.submittedAt ? t('report.byAt', { by: personLabel(row.submittedBy), at: formatDateTime(row.submittedAt) }) : '—'),
          },
          {
            title: t('followUp.lastReminded'),
            key: 'reminded',
            width: 150,
            responsive: ['md'],
            render: (_, row) => (row.lastRemindedOn === data.today ? t('followUp.remindedToday') : row.lastRemindedOn ? formatDate(row.lastRemindedOn) : t('followUp.never')),
          },
          ...(canRemind
            ? [
                {
                  title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
                  key: 'remind',
                  width: 80,
                  render: (_: unknown, row: ReportStatusRow) =>
                    row.state === 'submitted' || row.state === 'accepted' ? null : (
                      <Button
                        size="small"
                        disabled={row.lastRemindedOn === data.today}
                        loading={remind.isPending && remind.variables.length === 1 && remind.variables[0] === row.unit.code}
                        onClick={() => remind.mutate([row.unit.code])}
                        aria-label={t('followUp.remindFor', { unit: row.unit.name })}
                      >
                        {t('followUp.remind')}
                      </Button>
                    ),
                },
              ]
            : []),
        ]}
      />
    </Section>
  );
}

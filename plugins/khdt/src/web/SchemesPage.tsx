/** `/m/khdt/`: the business-support schemes within the caller's reach, flagged behind plan, with the editor of a new one. */
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, downloadFile, ErrorPanel, formatDate, formatNumber, formatPercent, Link, modulePath, NotAllowedPage, PageHeader, Space, StatusTag, Switch, Table, Tag, TAG_COLORS, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { client, MODULE_ID, queries, type SchemeListRow } from './client.ts';
import { BEHIND_LABELS, STATUS_COLORS, STATUS_LABELS } from './labels.ts';
import { SchemeEditor } from './SchemeEditor.tsx';
import './i18n.ts';

export function SchemesPage() {
  const t = useT('khdt');
  const common = useT();
  const { locale } = useLocale();
  const access = useAccess();
  const [behindOnly, setBehindOnly] = useState(false);
  const [adding, setAdding] = useState(false);
  const list = useQuery({ ...queries.schemes.list.queryOptions({ behindOnly }), enabled: access.can('khdt.schemes:read') });
  if (!access.can('khdt.schemes:read')) return <NotAllowedPage title={t('schemes.title')} />;
  const data = list.data;
  return (
    <div className="dondoc-page">
      <PageHeader title={t('schemes.title')} intro={t('schemes.intro')} />
      <Space wrap style={{ marginBottom: 16 }}>
        <Switch id="khdt-behind-only" checked={behindOnly} onChange={setBehindOnly} aria-label={t('schemes.behindOnly')} />
        <label htmlFor="khdt-behind-only">{t('schemes.behindOnly')}</label>
        {access.can('khdt.schemes:write') ? (
          <>
            <Button type="primary" onClick={() => setAdding(true)}>
              {t('schemes.add')}
            </Button>
            <Link to={modulePath(MODULE_ID, 'nhap-tu-tep')}>{t('schemes.import')}</Link>
          </>
        ) : null}
        <Button onClick={() => void client.schemes.export.query().then(downloadFile)}>{t('export')}</Button>
      </Space>
      {list.isError ? <ErrorPanel title={common('common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} /> : null}
      {data ? (
        <Typography.Paragraph strong data-testid="khdt-summary">
          {t('schemes.summary', {
            total: data.summary.total,
            behind: data.summary.behind,
            allocated: formatNumber(data.summary.budgetAllocated, locale),
            disbursed: formatNumber(data.summary.budgetDisbursed, locale),
            percent: formatPercent(data.summary.disbursedPercent, locale),
            obstacles: data.summary.openObstacles,
          })}
        </Typography.Paragraph>
      ) : null}
      <Table<SchemeListRow>
        aria-label={t('schemes.title')}
        rowKey="id"
        loading={list.isLoading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('schemes.empty') }}
        scroll={{ x: 1100 }}
        columns={[
          { title: t('schemes.name'), dataIndex: 'name', render: (name: string, row) => <Link to={modulePath(MODULE_ID, `de-an/${row.id}`)}>{name}</Link> },
          { title: t('unit'), dataIndex: 'unitName', width: 180 },
          { title: t('schemes.decision'), key: 'decision', width: 170, render: (_, row) => t('schemes.decisionOf', { number: row.decisionNumber, date: formatDate(row.decisionDate) }) },
          { title: t('schemes.period'), key: 'period', width: 190, render: (_, row) => `${formatDate(row.startOn)} – ${formatDate(row.endOn)}` },
          { title: t('status'), dataIndex: 'status', width: 140, render: (status: SchemeListRow['status']) => <StatusTag value={status} labels={STATUS_LABELS} colors={STATUS_COLORS} /> },
          {
            title: t('schemes.disbursed'),
            key: 'disbursed',
            width: 150,
            align: 'right',
            render: (_, row) => `${formatPercent(row.progress.disbursedPercent, locale)} / ${formatPercent(row.progress.elapsedPercent, locale)}`,
          },
          {
            title: t('schemes.beneficiaries'),
            key: 'beneficiaries',
            width: 150,
            align: 'right',
            render: (_, row) => (row.beneficiaryTarget === null ? '—' : `${formatNumber(row.beneficiaryActual ?? 0, locale)}/${formatNumber(row.beneficiaryTarget, locale)} (${formatPercent(row.progress.beneficiariesPercent, locale)})`),
          },
          {
            title: t('schemes.flags'),
            key: 'flags',
            width: 200,
            render: (_, row) =>
              row.progress.isBehind ? (
                <Space size={4} wrap data-testid="khdt-behind">
                  {row.progress.behind.map((reason) => (
                    <Tag key={reason} color={TAG_COLORS.red} className="dondoc-tag">
                      {BEHIND_LABELS[reason][locale]}
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('schemes.onPlan')}</Typography.Text>
              ),
          },
          {
            title: t('schemes.obstacles'),
            key: 'obstacles',
            width: 170,
            render: (_, row) => (
              <Space size={4} wrap>
                <span>{row.openObstacles}</span>
                {row.awaitingEscalation > 0 ? <Tag color={TAG_COLORS.orange} className="dondoc-tag">{t('schemes.awaiting', { count: row.awaitingEscalation })}</Tag> : null}
                {row.escalated > 0 ? <Tag color={TAG_COLORS.purple} className="dondoc-tag">{t('schemes.escalatedCount', { count: row.escalated })}</Tag> : null}
              </Space>
            ),
          },
        ]}
      />
      <SchemeEditor open={adding} onClose={() => setAdding(false)} />
    </div>
  );
}

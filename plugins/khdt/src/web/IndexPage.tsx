/**
 * `/m/khdt/chi-so/:index` (pci, pgi): the index's scorecard on the core model — its tree with the
 * owner units' estimates (typed in the row, a miss with its remediation), the units that owe this
 * quarter's estimate, the misses and their actions, the year's targets (Sở KH&ĐT sets them), the
 * projection's target and the trend over the years.
 */
import { useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FORECAST_CLASS_LABELS, INDEX_METHODS, SCORE_CLASS_LABELS } from '@dondoc/plugin-sdk/web';
import { Alert, Button, ErrorPanel, Form, formatDate, formatNumber, FormDialog, FormOutcome, InputNumber, NotAllowedPage, PageHeader, Section, Select, Space, StatusTag, Table, Typography, useAccess, useLocale, useParams, useSearchParams, useT } from '@dondoc/ui';
import { SCORE_CLASS_COLORS, type ScorecardEstimate, ScorecardTree } from '@dondoc/ui/panels';
import { KHDT_INDICES, type KhdtIndex } from '../domain/scorecards.ts';
import { client, queries, type IndexPageData } from './client.ts';
import './i18n.ts';

type Node = IndexPageData['card']['nodes'][number];

export function IndexPage() {
  const t = useT('khdt');
  const common = useT();
  const { index: raw = 'pci' } = useParams();
  const index = (KHDT_INDICES as readonly string[]).includes(raw) ? (raw as KhdtIndex) : 'pci';
  const access = useAccess();
  const [year, setYear] = useState<number | undefined>(undefined);
  const page = useQuery({ ...queries.scorecards.page.queryOptions({ index, ...(year ? { year } : {}) }), enabled: access.can('khdt.scorecards:read') });
  if (!access.can('khdt.scorecards:read')) return <NotAllowedPage title={t(`index.${index}`)} />;
  if (page.isError) return <ErrorPanel title={common('common.loadFailed')} error={page.error} onRetry={() => void page.refetch()} />;
  if (!page.data) return <Typography.Text type="secondary">{common('common.loading')}</Typography.Text>;
  return <IndexView index={index} data={page.data} onYear={setYear} />;
}

function IndexView({ index, data, onYear }: { index: KhdtIndex; data: IndexPageData; onYear: (year: number) => void }) {
  const t = useT('khdt');
  const { locale } = useLocale();
  const access = useAccess();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const [done, setDone] = useState<string | null>(null);
  const [targetOf, setTargetOf] = useState<Node | null>(null);
  const refresh = () => void queryClient.invalidateQueries(queries.pathFilter());
  const { card, projection } = data;
  const mayEdit = access.can('khdt.scorecards:edit');
  const useTargets = useMutation({ mutationFn: () => client.scorecards.useTargets.mutate(), onSuccess: refresh });
  const remind = useMutation({
    mutationFn: () => client.scorecards.remind.mutate({ index }),
    onSuccess: (result) => setDone(t('index.reminded', { sent: result.sent.length, skipped: result.skipped.length })),
  });
  const setTarget = useMutation({
    mutationFn: (values: { target: number | null; margin: number | null }) => client.scorecards.setTarget.mutate({ nodeId: targetOf!.id, version: targetOf!.version, target: values.target ?? null, margin: values.margin ?? null }),
    onSuccess: () => {
      setTargetOf(null);
      setDone(t('index.targetSaved'));
      refresh();
    },
  });
  const saveEstimate = async (estimate: ScorecardEstimate) => {
    const saved = await client.scorecards.estimate.mutate(estimate);
    setDone(`${t('index.savedEstimate', { shown: saved.total.shown })}${saved.escalationId ? ` ${t('index.savedEscalated')}` : ''}`);
    refresh();
    return saved;
  };
  const latest = projection?.measurements.at(-1) ?? null;
  const score = (value: number | null) => formatNumber(value, locale, 4);
  const leaves = card.nodes.filter((n) => n.isLeaf);
  return (
    <div className="dondoc-page">
      <PageHeader title={t('index.title', { name: INDEX_METHODS[index].name[locale], year: card.year })} intro={t('index.intro')} />
      <Space wrap style={{ marginBottom: 16 }}>
        {data.years.length > 1 ? (
          <Select aria-label={t('index.year')} value={card.year} onChange={onYear} options={data.years.map((y) => ({ value: y, label: String(y) }))} style={{ width: 120 }} />
        ) : null}
        <Typography.Text strong data-testid="khdt-total">{t('index.total', { shown: card.total?.shown ?? '—' })}</Typography.Text>
        {card.total ? <StatusTag value={card.total.class} labels={SCORE_CLASS_LABELS} colors={SCORE_CLASS_COLORS} data-testid="khdt-total-class" /> : null}
      </Space>
      {projection ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={t('index.projection', { code: projection.code, name: projection.name })}
          description={
            <Space direction="vertical" size={0}>
              <span data-testid="khdt-projection">{latest ? t('index.measured', { value: score(latest.value), date: formatDate(latest.asOf) }) : t('index.notMeasured')}</span>
              <span data-testid="khdt-forecast">{t('index.forecast', { class: FORECAST_CLASS_LABELS[projection.forecast.class][locale] })}</span>
            </Space>
          }
          action={mayEdit && !projection.declaredByModule ? <Button size="small" loading={useTargets.isPending} onClick={() => useTargets.mutate()}>{t('index.useTargets')}</Button> : undefined}
        />
      ) : null}
      <FormOutcome actions={[useTargets, remind]} done={done} />
      <Section title={t('index.tree')}>
        <ScorecardTree nodes={card.nodes} classLabels={SCORE_CLASS_LABELS} onSaveEstimate={access.can('khdt.scorecards:estimate') ? saveEstimate : undefined} highlightId={params.get('nut')} />
      </Section>
      <Section title={t('index.misses')}>
        <Table
          aria-label={t('index.misses')}
          rowKey="id"
          size="small"
          pagination={false}
          dataSource={data.misses}
          locale={{ emptyText: t('index.missesNone') }}
          columns={[
            { title: t('index.code'), dataIndex: 'code', width: 70 },
            { title: t('index.criterion'), dataIndex: 'name' },
            { title: t('index.estimate'), dataIndex: 'estimate', align: 'right', width: 90, render: score },
            { title: t('index.target'), dataIndex: 'target', align: 'right', width: 90, render: score },
            { title: t('index.shortfall'), dataIndex: 'shortfall', align: 'right', width: 80, render: score },
            { title: t('status'), dataIndex: 'class', width: 170, render: (klass: Node['class']) => <StatusTag value={klass} labels={SCORE_CLASS_LABELS} colors={SCORE_CLASS_COLORS} /> },
            {
              title: t('index.actions'),
              key: 'actions',
              render: (_, miss) => (
                <Space direction="vertical" size={2}>
                  {miss.actions.map((a, i) => <span key={i}>{t('index.actionOf', { what: a.what, unit: a.ownerUnit.name, date: formatDate(a.dueOn) })}</span>)}
                  {miss.hasDueAction ? null : <Typography.Text type="danger">{t('index.noAction')}</Typography.Text>}
                  {miss.escalated ? <Typography.Text type="secondary">{t('index.escalated')}</Typography.Text> : null}
                </Space>
              ),
            },
          ]}
        />
      </Section>
      <Section
        title={t('index.owing', { date: formatDate(data.asOf) })}
        extra={mayEdit && data.owing.length > 0 ? <Button size="small" loading={remind.isPending} onClick={() => remind.mutate()}>{t('index.remind')}</Button> : undefined}
      >
        <Table
          aria-label={t('index.owing', { date: formatDate(data.asOf) })}
          rowKey={(row) => row.unit.code}
          size="small"
          pagination={false}
          dataSource={data.owing}
          locale={{ emptyText: t('index.owingNone') }}
          columns={[
            { title: t('index.owners'), key: 'unit', width: 260, render: (_, row) => row.unit.name },
            {
              title: t('index.criterion'),
              key: 'nodes',
              render: (_, row) => row.nodes.map((n) => `${n.code} ${n.name} (${n.reason === 'missing' ? t('index.owingMissing') : t('index.owingStale', { date: formatDate(n.estimateOn) })})`).join('; '),
            },
          ]}
        />
      </Section>
      {mayEdit ? (
        <Section title={t('index.targets')}>
          <Table<Node>
            aria-label={t('index.targets')}
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={leaves}
            columns={[
              { title: t('index.code'), dataIndex: 'code', width: 70 },
              { title: t('index.criterion'), dataIndex: 'name' },
              { title: t('index.owners'), key: 'owners', render: (_, n) => n.ownerUnits.map((u) => u.name).join(', ') },
              { title: t('index.target'), dataIndex: 'target', align: 'right', width: 90, render: score },
              { title: t('index.margin'), dataIndex: 'margin', align: 'right', width: 120, render: score },
              { title: '', key: 'set', width: 140, render: (_, n) => <Button size="small" aria-label={t('index.setTargetOf', { code: n.code })} onClick={() => setTargetOf(n)}>{t('index.setTarget')}</Button> },
            ]}
          />
        </Section>
      ) : null}
      <Section title={t('index.trend')}>
        <Table
          aria-label={t('index.trend')}
          rowKey="year"
          size="small"
          pagination={false}
          dataSource={data.trend}
          columns={[
            { title: t('index.trendYear'), dataIndex: 'year', width: 90 },
            { title: t('index.trendScore'), dataIndex: 'score', align: 'right', render: score },
            { title: t('index.target'), dataIndex: 'target', align: 'right', render: score },
            { title: t('index.trendKind'), dataIndex: 'kind', render: (kind: 'published' | 'projected') => t(`index.${kind}`) },
          ]}
        />
      </Section>
      <FormDialog<{ target: number | null; margin: number | null }>
        open={targetOf !== null}
        name="khdt-target"
        title={targetOf ? t('index.setTargetOf', { code: targetOf.code }) : ''}
        okText={t('save')}
        action={setTarget}
        onSubmit={(values) => setTarget.mutate(values)}
        onClose={() => setTargetOf(null)}
        initialValues={targetOf ? { target: targetOf.target, margin: targetOf.margin } : {}}
      >
        <Form.Item name="target" label={t('index.target')}>
          <InputNumber min={0} max={targetOf?.max ?? undefined} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="margin" label={t('index.margin')}>
          <InputNumber min={0} step={0.1} style={{ width: '100%' }} />
        </Form.Item>
      </FormDialog>
    </div>
  );
}

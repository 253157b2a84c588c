/**
 * `/m/noi-vu/`: the consolidated periodic CCHC report of a core reporting period. Who has
 * submitted (with the figures they sent) and who has not (with a reminder through the core);
 * the overview's figures; the narrative Sở Nội vụ writes; the .docx and its xlsx annexes.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { periodOf, previousPeriod, type Period } from '@dondoc/plugin-sdk/web';
import { App as AntApp, Button, DownloadButton, errorMessage, ErrorPanel, Form, formatDate, hanoiDay, Input, InputNumber, PageHeader, Section, Select, Space, Table, todayIso, Typography, useAccess, useLocale, useT } from '@dondoc/ui';
import { NARRATIVE_SECTIONS, percentVi, proposalSentence, rateVi, type NarrativeKey } from '../domain/report.ts';
import { client, queries, type ReportView } from './client.ts';
import { useSaved } from './saved.ts';
import './i18n.ts';

const CONSOLIDATE = 'noi-vu.reports:consolidate';

/** The periods offered: this quarter and the three before it, this half and this year. */
function periodChoices(today: string): Period[] {
  const quarters: Period[] = [periodOf('quarter', today)];
  for (let i = 0; i < 3; i++) quarters.push(previousPeriod(quarters.at(-1)!));
  return [...quarters, periodOf('half', today), periodOf('year', today)];
}

export function ReportsPage() {
  const t = useT('noi-vu');
  const common = useT();
  const { locale } = useLocale();
  const choices = useMemo(() => periodChoices(todayIso()), []);
  const [periodId, setPeriodId] = useState(choices[0]!.id);
  const view = useQuery(queries.reports.get.queryOptions({ periodId }));
  const access = useAccess();
  return (
    <div className="dondoc-page">
      <PageHeader title={t('reports.title')} intro={t('reports.intro')} />
      <Space wrap>
        <label htmlFor="noi-vu-period">{t('reports.period')}</label>
        <Select id="noi-vu-period" value={periodId} onChange={setPeriodId} options={choices.map((p) => ({ value: p.id, label: p.label[locale] }))} style={{ width: 220 }} data-testid="period-select" />
        <DownloadButton type="primary" load={() => client.reports.document.query({ periodId })} data-testid="download-docx">
          {t('reports.docx')}
        </DownloadButton>
        <DownloadButton load={() => client.reports.annexes.query({ periodId })} data-testid="download-xlsx">
          {t('reports.xlsx')}
        </DownloadButton>
      </Space>
      {view.isError ? <ErrorPanel title={common('common.loadFailed')} error={view.error} onRetry={() => void view.refetch()} /> : null}
      {view.data ? (
        <>
          <Figures data={view.data} />
          <Submissions data={view.data} canRemind={access.can(CONSOLIDATE)} />
          {view.data.proposals.length > 0 ? (
            <Section title={t('reports.proposals')}>
              <ul data-testid="unit-proposals">
                {view.data.proposals.map((p) => (
                  <li key={`${p.unitName}:${p.taskCode}`}>{proposalSentence(p)}</li>
                ))}
              </ul>
            </Section>
          ) : null}
          {access.can(CONSOLIDATE) ? <NarrativeForm key={`${periodId}:${view.data.report?.version ?? 0}`} data={view.data} /> : null}
        </>
      ) : (
        <Section title={t('reports.submitted')} loading>
          {null}
        </Section>
      )}
    </div>
  );
}

function Figures({ data }: { data: ReportView }) {
  const t = useT('noi-vu');
  const totals = data.summary.totals;
  const done = totals.done_on_time + totals.done_late;
  const owing = data.submitted.length + data.notSubmitted.length;
  return (
    <Section title={data.period.label}>
      <Typography.Paragraph type="secondary">{t('reports.asOf', { date: formatDate(data.asOf) })}</Typography.Paragraph>
      <Typography.Paragraph strong data-testid="submission-share">
        {t('reports.share', { submitted: data.submitted.length, owing })} ({percentVi(data.submitted.length, owing)})
      </Typography.Paragraph>
      <Typography.Paragraph data-testid="overview-figures">{t('reports.figures', { total: totals.total, done, overdue: totals.overdue, rate: rateVi(totals.completionRate) })}</Typography.Paragraph>
    </Section>
  );
}

function Submissions({ data, canRemind }: { data: ReportView; canRemind: boolean }) {
  const t = useT('noi-vu');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const remind = useMutation({
    mutationFn: (unitCodes?: string[]) => client.reports.remind.mutate({ periodId: data.period.id, ...(unitCodes ? { unitCodes } : {}) }),
    onSuccess: (result) => {
      void message.success(t('reports.reminded', { sent: result.sent.length, skipped: result.skipped.length }));
      void queryClient.invalidateQueries(queries.pathFilter());
    },
    onError: (error) => void message.error(errorMessage(error)),
  });
  return (
    <>
      <Section title={t('reports.submitted')}>
        <Table
          rowKey={(row) => row.unit.code}
          dataSource={data.submitted}
          pagination={false}
          size="small"
          data-testid="submitted-table"
          columns={[
            { title: t('unit'), key: 'unit', render: (_, row) => row.unit.name },
            { title: t('reports.submittedAt'), key: 'at', render: (_, row) => formatDate(hanoiDay(new Date(row.submittedAt))) },
            { title: t('reports.tasks'), key: 'tasks', align: 'right', render: (_, row) => row.figures?.lines ?? '' },
            { title: t('reports.done'), key: 'done', align: 'right', render: (_, row) => (row.figures ? row.figures.counts.done_on_time + row.figures.counts.done_late : '') },
            { title: t('reports.overdue'), key: 'overdue', align: 'right', render: (_, row) => row.figures?.counts.overdue ?? '' },
            { title: t('reports.rate'), key: 'rate', align: 'right', render: (_, row) => (row.figures ? rateVi(row.figures.completionRate) : '') },
          ]}
        />
      </Section>
      <Section
        title={t('reports.notSubmitted')}
        extra={
          canRemind && data.notSubmitted.length > 0 ? (
            <Button onClick={() => remind.mutate(undefined)} loading={remind.isPending} data-testid="remind-all">
              {t('reports.remindAll')}
            </Button>
          ) : null
        }
      >
        <Table
          rowKey={(row) => row.unit.code}
          dataSource={data.notSubmitted}
          pagination={false}
          size="small"
          data-testid="missing-table"
          columns={[
            { title: t('unit'), key: 'unit', render: (_, row) => row.unit.name },
            { title: t('state'), key: 'state', render: (_, row) => t(`reports.states.${row.state}`) },
            { title: t('reports.lastReminded'), key: 'reminded', render: (_, row) => (row.lastRemindedOn ? formatDate(row.lastRemindedOn) : t('reports.never')) },
            ...(canRemind
              ? [
                  {
                    title: '',
                    key: 'remind',
                    render: (_: unknown, row: ReportView['notSubmitted'][number]) => (
                      <Button size="small" onClick={() => remind.mutate([row.unit.code])} data-testid={`remind-${row.unit.code}`}>
                        {t('reports.remindOne')}
                      </Button>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Section>
    </>
  );
}

type NarrativeValues = Record<NarrativeKey, string> & { number: number | null; signerName: string; signerTitle: string };

function NarrativeForm({ data }: { data: ReportView }) {
  const t = useT('noi-vu');
  const { locale } = useLocale();
  const [form] = Form.useForm<NarrativeValues>();
  const saved = useSaved();
  useEffect(() => {
    form.setFieldsValue({
      ...Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, data.narrative[s.key] ?? ''])),
      number: data.report?.number ?? null,
      signerName: data.report?.signerName ?? '',
      signerTitle: data.report?.signerTitle ?? '',
    } as NarrativeValues);
  }, [data, form]);
  const save = useMutation({
    mutationFn: (values: NarrativeValues) =>
      client.reports.save.mutate({
        periodId: data.period.id,
        version: data.report?.version ?? null,
        narrative: Object.fromEntries(NARRATIVE_SECTIONS.map((s) => [s.key, values[s.key] ?? ''])),
        number: values.number ?? null,
        signerName: values.signerName ?? '',
        signerTitle: values.signerTitle ?? '',
      }),
    ...saved,
  });
  return (
    <Section title={t('reports.narrative')}>
      <Typography.Paragraph type="secondary">{t('reports.narrativeIntro')}</Typography.Paragraph>
      {data.missingSections.length > 0 ? <Typography.Paragraph>{t('reports.missing', { count: data.missingSections.length })}</Typography.Paragraph> : null}
      {data.report?.updatedBy ? <Typography.Paragraph type="secondary">{t('reports.lastSaved', { who: data.report.updatedBy.fullName })}</Typography.Paragraph> : null}
      <Form form={form} layout="vertical" name="noi-vu-narrative" onFinish={(values) => save.mutate(values)}>
        <Space wrap>
          <Form.Item name="number" label={t('reports.number')}>
            <InputNumber min={1} max={99999} />
          </Form.Item>
          <Form.Item name="signerName" label={t('reports.signerName')}>
            <Input maxLength={200} placeholder={data.defaultSigner?.fullName ?? ''} />
          </Form.Item>
          <Form.Item name="signerTitle" label={t('reports.signerTitle')}>
            <Input maxLength={200} placeholder="Phó Giám đốc" />
          </Form.Item>
        </Space>
        {NARRATIVE_SECTIONS.map((section) => (
          <Form.Item key={section.key} name={section.key} label={`${section.part}. ${section.heading[locale]}`}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 12 }} maxLength={20000} />
          </Form.Item>
        ))}
        <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="save-narrative">
          {t('save')}
        </Button>
      </Form>
    </Section>
  );
}

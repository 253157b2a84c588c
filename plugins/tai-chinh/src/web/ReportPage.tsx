/**
 * `/m/tai-chinh/bao-cao`: the periodic report (xlsx) for a reporting period of the core
 * (month, quarter, six months, year; ids like 2024-Q1), with its data window and due date.
 */
import { useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, downloadFile, errorMessage, ErrorPanel, Form, formatDate, NotAllowedPage, PageHeader, Select, Space, Typography, useT } from '@dondoc/ui';
import { CADENCE_LABELS, CADENCES, makePeriod, periodOf, type Cadence } from '@dondoc/plugin-sdk/web';
import { client } from './client.ts';
import { useModuleAccess, useFormats } from './parts.tsx';
import './i18n.ts';

const COUNTS: Record<Cadence, number> = { month: 12, quarter: 4, half: 2, year: 1 };

export function ReportPage() {
  const t = useT('tai-chinh');
  const f = useFormats();
  const access = useModuleAccess();
  const [cadence, setCadence] = useState<Cadence>('quarter');
  const [year, setYear] = useState<number | undefined>(undefined);
  const [index, setIndex] = useState<number | undefined>(undefined);
  const [downloaded, setDownloaded] = useState<string | null>(null);

  // Until one is chosen, the period of today in Hà Nội (the server's date), not the first of the list.
  const today = access.data?.today;
  const thisYear = Number((today ?? '2025').slice(0, 4));
  const years = useMemo(() => Array.from({ length: Math.max(1, thisYear - 2022 + 1) }, (_, i) => 2022 + i), [thisYear]);
  const focusYear = year ?? thisYear;
  const currentIndex = today ? periodOf(cadence, today).index : 1;
  const period = makePeriod(cadence, focusYear, Math.min(index ?? currentIndex, COUNTS[cadence]));

  const exportReport = useMutation({
    mutationFn: () => client.reports.export.query({ periodId: period.id }),
    onSuccess: (file) => {
      downloadFile(file);
      setDownloaded(file.fileName);
    },
  });

  if (access.isError) return <ErrorPanel title={t('common:common.loadFailed')} error={access.error} onRetry={() => void access.refetch()} />;
  if (access.data && !access.data.canExport) return <NotAllowedPage title={t('report.title')} />;

  return (
    <div className="dondoc-page">
      <PageHeader title={t('report.title')} intro={t('report.intro')} />
      <Card>
        <Form layout="inline" name="tai-chinh-report" style={{ rowGap: 12 }}>
          <Form.Item label={t('report.cadence')}>
            <Select
              aria-label={t('report.cadence')}
              value={cadence}
              style={{ width: 140 }}
              onChange={(value: Cadence) => {
                setCadence(value);
                setIndex(undefined);
                setDownloaded(null);
              }}
              options={CADENCES.map((value) => ({ value, label: CADENCE_LABELS[value][f.locale] }))}
            />
          </Form.Item>
          {cadence !== 'year' ? (
            <Form.Item label={t('report.index')}>
              <Select
                aria-label={t('report.index')}
                value={period.index}
                style={{ width: 180 }}
                onChange={(value: number) => {
                  setIndex(value);
                  setDownloaded(null);
                }}
                options={Array.from({ length: COUNTS[cadence] }, (_, i) => ({ value: i + 1, label: makePeriod(cadence, focusYear, i + 1).label[f.locale] }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('common.year')}>
            <Select
              aria-label={t('common.year')}
              value={focusYear}
              style={{ width: 100 }}
              onChange={(value: number) => {
                setYear(value);
                setDownloaded(null);
              }}
              options={years.map((y) => ({ value: y, label: String(y) }))}
            />
          </Form.Item>
        </Form>
        <Typography.Paragraph strong style={{ marginTop: 16 }} data-testid="report-period">
          {t('report.period', { label: period.label[f.locale] })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary">
          {t('report.window', { from: formatDate(period.windowStart), to: formatDate(period.windowEnd), due: formatDate(period.dueDate) })}
        </Typography.Paragraph>
        <Space>
          <Button type="primary" loading={exportReport.isPending} onClick={() => exportReport.mutate()}>
            {t('report.download')}
          </Button>
        </Space>
        {exportReport.isError ? (
          <Alert role="alert" type="error" showIcon title={t('report.failed')} description={errorMessage(exportReport.error)} style={{ marginTop: 16 }} />
        ) : null}
        {downloaded ? <Alert role="status" type="success" showIcon title={t('report.downloaded', { file: downloaded })} style={{ marginTop: 16 }} /> : null}
      </Card>
    </div>
  );
}

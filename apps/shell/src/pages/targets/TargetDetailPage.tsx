import { Suspense } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App as AntApp, Breadcrumb, Button, Descriptions, Form, InputNumber, Space, Table, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { errorMessage, ErrorPanel, formatDate, fromDayjs, isAfterToday, LimitedText, maxTextRule, Section, todayIso, toDayjs, typedDateRule, useAccess, useDocumentTitle, useLocale, useT, useVersionedForm, PersonName } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core, type TargetDetail } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { coreKeys } from '../../core/keys.ts';
import { ForecastTag } from '../../core/tags.tsx';
import { MultilineText } from '../../core/ui.tsx';
import { Loading } from '../../components/Loading.tsx';
import { ChartPlaceholder, measureValue, Projection, TargetChart } from './TargetsPage.tsx';
import { MeasurementValue } from './MeasurementValue.tsx';

/**
 * `/chi-tieu/:code`: a target, its chart and measurements, (owner unit, manual target) a form
 * to record one, and (the owner unit's lead) a form to set its baseline.
 */
export function TargetDetailPage() {
  const { code = '' } = useParams();
  const t = useT('shell');
  const query = useQuery({ queryKey: coreKeys.target(code), queryFn: () => core.targets.get.query({ code }) });
  useDocumentTitle(query.data ? `${query.data.code} — ${t('targets.title')}` : t('targets.title'));
  if (query.isPending) return <Loading text={t('common.loading')} />;
  if (query.isError) {
    return (
      <div className="dondoc-page">
        <ErrorPanel headingLevel={1} title={t('target.loadFailed')} error={query.error} onRetry={() => void query.refetch()} />
        <Link to="/chi-tieu">{t('target.backToList')}</Link>
      </div>
    );
  }
  return <TargetView target={query.data} />;
}

function TargetView({ target }: { target: TargetDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const access = useAccess();
  const canRecord = access.can(perm.targetsRecord) && access.actsFor(target.ownerUnit.code) && target.source === 'manual';
  const canSetBaseline = access.can(perm.targetsBaseline) && access.actsFor(target.ownerUnit.code);
  return (
    <div className="dondoc-page">
      <Breadcrumb className="dondoc-breadcrumb" items={[{ title: <Link to="/chi-tieu">{t('targets.title')}</Link> }, { title: target.code }]} />
      <Typography.Title level={1} className="dondoc-detail-title">
        {target.name}
      </Typography.Title>
      <Space wrap className="dondoc-gap">
        <ForecastTag forecast={target.forecast.class} />
        <Typography.Text type="secondary">{target.code}</Typography.Text>
      </Space>
      <Section title={t('target.info')}>
        <Descriptions column={{ xs: 1, md: 2 }} size="small" bordered className="dondoc-descriptions">
          <Descriptions.Item label={t('targets.owner')}>{target.ownerUnit.name}</Descriptions.Item>
          <Descriptions.Item label={t('target.direction')}>{t(`target.directions.${target.direction}`)}</Descriptions.Item>
          <Descriptions.Item label={t('targets.baseline')}>{measureValue(target.baselineValue, target.measureUnit, locale)}</Descriptions.Item>
          <Descriptions.Item label={t('target.baselineDate')}>{formatDate(target.baselineDate)}</Descriptions.Item>
          <Descriptions.Item label={t('targets.target')}>
            {measureValue(target.targetValue, target.measureUnit, locale)} ({formatDate(target.targetDate)})
          </Descriptions.Item>
          <Descriptions.Item label={t('targets.latest')}>
            {target.forecast.latestValue === null
              ? t('targets.noMeasurement')
              : `${measureValue(target.forecast.latestValue, target.measureUnit, locale)} (${formatDate(target.forecast.latestOn)})`}
          </Descriptions.Item>
          <Descriptions.Item label={t('targets.projected')}>
            <Projection forecast={target.forecast} unit={target.measureUnit} />
          </Descriptions.Item>
          <Descriptions.Item label={t('target.reachedOn')}>{target.forecast.reachedOn ? formatDate(target.forecast.reachedOn) : '—'}</Descriptions.Item>
          <Descriptions.Item label={t('target.source')}>
            {target.source === 'manual' ? t('target.sourceManual') : t('target.sourceModule', { module: target.sourceModule ?? '' })}
          </Descriptions.Item>
          {target.taskId ? (
            <Descriptions.Item label={t('target.task')}>
              <Link to={`/nhiem-vu/${target.taskId}`}>{t('target.openTask')}</Link>
            </Descriptions.Item>
          ) : null}
          {target.updatedBy ? <Descriptions.Item label={t('target.updatedBy')}><PersonName person={target.updatedBy} /></Descriptions.Item> : null}
        </Descriptions>
      </Section>
      <Section title={t('target.chartTitle')}>
        <Suspense fallback={<ChartPlaceholder height={340} />}>
          <TargetChart target={target} height={340} />
        </Suspense>
      </Section>
      {canSetBaseline ? (
        <Section title={t('target.baselineTitle')}>
          <BaselineForm target={target} />
        </Section>
      ) : null}
      {canRecord ? (
        <Section title={t('target.recordTitle')}>
          <RecordForm target={target} />
        </Section>
      ) : null}
      <Section title={t('target.measurementsTitle', { count: target.measurements.length })}>
        <Table
          size="small"
          rowKey="id"
          dataSource={[...target.measurements].reverse()}
          pagination={target.measurements.length > 20 ? { pageSize: 20 } : false}
          locale={{ emptyText: t('targets.noMeasurement') }}
          scroll={{ x: 600 }}
          columns={[
            { title: t('target.asOf'), dataIndex: 'asOf', render: (value: string) => formatDate(value), width: 130 },
            { title: t('target.value'), key: 'value', render: (_, m) => <MeasurementValue measurement={m} unit={target.measureUnit} />, width: 200 },
            {
              title: t('target.source'),
              dataIndex: 'source',
              render: (source: string) => (source === 'manual' ? t('target.sourceManual') : t('target.sourceModule', { module: source })),
              width: 180,
            },
            { title: t('task.by'), dataIndex: 'author', width: 220, render: (author: TargetDetail['measurements'][number]['author']) => <PersonName person={author} /> },
            { title: t('task.note'), dataIndex: 'note', render: (note: string | null) => <MultilineText text={note} /> },
          ]}
        />
      </Section>
    </div>
  );
}

interface RecordValues {
  value: number | null;
  asOf: Dayjs | null;
  note?: string;
}

function RecordForm({ target }: { target: TargetDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RecordValues>();
  const record = useMutation({
    mutationFn: (values: RecordValues) =>
      core.targets.record.mutate({
        code: target.code,
        value: values.value ?? 0,
        asOf: fromDayjs(values.asOf) ?? todayIso(),
        note: values.note?.trim() ? values.note.trim() : null,
      }),
    onSuccess: () => {
      form.setFieldsValue({ value: null, note: '' });
      void message.success(t('target.recorded'));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
  });
  return (
    <Form<RecordValues>
      form={form}
      name={`target-record-${target.code}`}
      layout="vertical"
      initialValues={{ value: null, asOf: toDayjs(todayIso()), note: '' }}
      onFinish={(values) => record.mutate(values)}
      disabled={record.isPending}
      className="dondoc-form"
    >
      <Typography.Paragraph type="secondary">{t('target.recordHelp')}</Typography.Paragraph>
      {record.isError ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(record.error)} /> : null}
      <Space size="large" wrap align="start">
        <Form.Item
          name="value"
          label={t('target.valueWithUnit', { unit: target.measureUnit })}
          rules={[{ required: true, message: t('target.valueRequired') }]}
        >
          <InputNumber className="dondoc-number" decimalSeparator={locale === 'vi' ? ',' : '.'} />
        </Form.Item>
        <Form.Item
          name="asOf"
          label={t('target.asOf')}
          rules={[
            typedDateRule(),
            { required: true, message: t('target.asOfRequired') },
            {
              validator: (_, value: Dayjs | null) =>
                value && isAfterToday(value) ? Promise.reject(new Error(t('target.asOfFuture'))) : Promise.resolve(),
            },
          ]}
        >
          <DateField disabledDate={isAfterToday} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Space>
      <Form.Item name="note" label={t('task.note')} rules={[maxTextRule(1000)]}>
        <LimitedText rows={2} max={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={record.isPending}>
        {t('target.record')}
      </Button>
    </Form>
  );
}

interface BaselineValues {
  baselineValue: number | null;
  baselineDate: Dayjs | null;
}

/**
 * "Đặt giá trị cơ sở": the owner unit's lead sets the value and date the trend and forecast
 * start from. Versioned like the task form: it sends the version it was opened with; a stale
 * save shows the server's message naming who changed the target, and "Tải lại" takes the new
 * version while the fields the user touched keep what was typed.
 */
function BaselineForm({ target }: { target: TargetDetail }) {
  const t = useT('shell');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<BaselineValues>();
  const latestDay = target.targetDate < todayIso() ? target.targetDate : todayIso();
  const outOfRange = (value: Dayjs) => {
    const iso = fromDayjs(value);
    return iso !== null && iso > latestDay;
  };

  const versioned = useVersionedForm({
    version: target.version,
    form,
    save: (values: BaselineValues, version: number) =>
      core.targets.setBaseline.mutate({
        code: target.code,
        version,
        baselineValue: values.baselineValue ?? 0,
        baselineDate: fromDayjs(values.baselineDate) ?? todayIso(),
      }),
    onSaved: () => {
      void message.success(t('target.baselineSaved'));
      void queryClient.invalidateQueries({ queryKey: coreKeys.all });
    },
    reload: async () => {
      const fresh = await core.targets.get.query({ code: target.code });
      void queryClient.invalidateQueries({ queryKey: coreKeys.target(target.code) });
      return { version: fresh.version, values: { baselineValue: fresh.baselineValue, baselineDate: toDayjs(fresh.baselineDate) } };
    },
  });
  const save = versioned.mutation;

  return (
    <Form<BaselineValues>
      form={form}
      name={`target-baseline-${target.code}`}
      layout="vertical"
      initialValues={{ baselineValue: target.baselineValue, baselineDate: toDayjs(target.baselineDate) }}
      onFinish={versioned.submit}
      disabled={save.isPending}
      className="dondoc-form"
    >
      <Typography.Paragraph type="secondary">{t('target.baselineHelp')}</Typography.Paragraph>
      {versioned.alerts}
      <Space size="large" wrap align="start">
        <Form.Item
          name="baselineValue"
          label={t('target.baselineValue', { unit: target.measureUnit })}
          rules={[{ required: true, message: t('target.baselineValueRequired') }]}
        >
          <InputNumber className="dondoc-number" decimalSeparator={locale === 'vi' ? ',' : '.'} />
        </Form.Item>
        <Form.Item
          name="baselineDate"
          label={t('target.baselineDate')}
          rules={[
            typedDateRule(),
            { required: true, message: t('target.baselineDateRequired') },
            {
              validator: (_, value: Dayjs | null) => {
                if (value && isAfterToday(value)) return Promise.reject(new Error(t('target.baselineDateFuture')));
                const iso = fromDayjs(value);
                if (iso && iso > target.targetDate) return Promise.reject(new Error(t('target.baselineAfterTarget', { date: formatDate(target.targetDate) })));
                return Promise.resolve();
              },
            },
          ]}
        >
          <DateField disabledDate={outOfRange} placeholder={t('common.datePlaceholder')} />
        </Form.Item>
      </Space>
      <div>
        <Button type="primary" htmlType="submit" loading={save.isPending}>
          {t('target.setBaseline')}
        </Button>
      </div>
    </Form>
  );
}

import { useEffect } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { App as AntApp, Button, DatePicker, Empty, Form, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { isIsoDate } from '@dondoc/core';
import { DATE_FORMAT, downloadFile, errorMessage, ErrorPanel, formatDate, fromDayjs, Section, todayIso, toDayjs, useDocumentTitle, useT } from '@dondoc/ui';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { ProgressValue } from '../../core/ProgressValue.tsx';
import { Loading } from '../../components/Loading.tsx';

type Flagged = Awaited<ReturnType<typeof core.tasks.flagged.query>>;
type FlaggedTask = Flagged['units'][number]['tasks'][number];

/**
 * `/giao-ban`: the coordinators' briefing list — tasks "quá hạn trên 3 lần đôn đốc" (still
 * overdue after more than three reminders to their lead unit while overdue), by lead unit, as
 * of a date (`?ngay=`, today by default), and the same list as an xlsx file to file with the
 * briefing. A unit's section can be linked to (`#don-vi-STC`, from the overview's table).
 */
export function BriefingPage() {
  const t = useT('shell');
  const { message } = AntApp.useApp();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const asOfParam = params.get('ngay');
  const asOf = asOfParam && isIsoDate(asOfParam) ? asOfParam : undefined;
  const shownDate = formatDate(asOf ?? todayIso());
  useDocumentTitle(t('briefing.title'));

  const list = useQuery({
    queryKey: coreKeys.flagged(asOf),
    queryFn: () => core.tasks.flagged.query({ asOf }),
    placeholderData: keepPreviousData,
  });
  const download = useMutation({
    mutationFn: () => core.tasks.flaggedExport.query({ asOf }),
    onSuccess: (file) => {
      downloadFile({ fileName: file.filename, mimeType: file.contentType, contentBase64: file.dataBase64 });
      void message.success(t('briefing.exported', { name: file.filename }));
    },
    onError: (error) => void message.error(errorMessage(error)),
  });

  // A link to one unit's section (from the overview) scrolls to it once the list is there.
  const hash = location.hash.slice(1);
  const loaded = !!list.data;
  useEffect(() => {
    if (loaded && hash) document.getElementById(decodeURIComponent(hash))?.scrollIntoView();
  }, [loaded, hash]);

  const setAsOf = (value: string | null) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (value) next.set('ngay', value);
      else next.delete('ngay');
      return next;
    });

  return (
    <div className="dondoc-page dondoc-page-wide">
      <Typography.Title level={1}>
        {t('briefing.title')}: {t('briefing.heading')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('briefing.intro')}</Typography.Paragraph>

      <div className="dondoc-filters" role="group" aria-label={t('briefing.options')}>
        <Form layout="vertical" component={false}>
          <Form.Item label={t('briefing.asOf')} htmlFor="briefing-asof">
            <DatePicker
              id="briefing-asof"
              format={DATE_FORMAT}
              value={toDayjs(asOf)}
              placeholder={t('tasks.today')}
              onChange={(value) => setAsOf(fromDayjs(value))}
            />
          </Form.Item>
          <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
            <Button
              type="primary"
              icon={<DownloadOutlined aria-hidden />}
              loading={download.isPending}
              disabled={!list.data}
              onClick={() => download.mutate()}
            >
              {t('briefing.export')}
            </Button>
          </Form.Item>
        </Form>
      </div>

      {list.isPending ? (
        <Loading text={t('briefing.loading')} />
      ) : list.isError ? (
        <ErrorPanel title={t('briefing.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <>
          <p className="dondoc-list-meta" role="status" aria-live="polite">
            {list.isFetching
              ? t('common.loading')
              : list.data.total === 0
                ? ''
                : t('briefing.summary', { date: formatDate(list.data.asOf), count: list.data.total, units: list.data.units.length })}
          </p>
          {list.data.total === 0 ? (
            <Empty description={t('briefing.none', { date: shownDate })} />
          ) : (
            list.data.units.map((unit) => (
              <div key={unit.code} id={`don-vi-${unit.code}`} className="dondoc-briefing-unit">
                <Section title={t('briefing.unitHeading', { unit: unit.name, count: unit.tasks.length })}>
                  <FlaggedTable tasks={unit.tasks} asOf={asOf} />
                </Section>
              </div>
            ))
          )}
        </>
      )}
    </div>
  );
}

function FlaggedTable({ tasks, asOf }: { tasks: FlaggedTask[]; asOf: string | undefined }) {
  const t = useT('shell');
  const taskLink = (id: string) => `/nhiem-vu/${id}${asOf ? `?ngay=${asOf}` : ''}`;
  return (
    <Table<FlaggedTask>
      size="small"
      rowKey="id"
      dataSource={tasks}
      pagination={tasks.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      tableLayout="fixed"
      scroll={{ x: 1000 }}
      columns={[
        { title: t('tasks.code'), dataIndex: 'code', width: 140, render: (code: string, task) => <Link to={taskLink(task.id)}>{code}</Link> },
        { title: t('tasks.task'), dataIndex: 'title' },
        { title: t('briefing.directive'), dataIndex: 'directiveNumber', width: 130 },
        {
          title: t('tasks.deadline'),
          dataIndex: 'deadline',
          width: 115,
          render: (deadline: string, task) => (
            <>
              {formatDate(deadline)}
              {task.originalDeadline && task.originalDeadline !== deadline ? (
                <div className="dondoc-muted dondoc-small">{t('briefing.originalDeadline', { date: formatDate(task.originalDeadline) })}</div>
              ) : null}
            </>
          ),
        },
        {
          title: t('briefing.daysOverdue'),
          dataIndex: 'daysOverdue',
          width: 100,
          align: 'right',
          sorter: (a, b) => a.daysOverdue - b.daysOverdue,
        },
        {
          title: t('briefing.reminders'),
          dataIndex: 'remindersWhileOverdue',
          width: 115,
          align: 'right',
          sorter: (a, b) => a.remindersWhileOverdue - b.remindersWhileOverdue,
        },
        {
          title: t('briefing.lastReminder'),
          dataIndex: 'lastReminderOn',
          width: 115,
          render: (value: string | null) => (value ? formatDate(value) : '—'),
        },
        { title: t('tasks.progress'), dataIndex: 'progress', width: 140, render: (value: number) => <ProgressValue value={value} compact /> },
      ]}
    />
  );
}

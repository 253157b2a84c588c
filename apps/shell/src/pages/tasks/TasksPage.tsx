import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Alert, Button, DatePicker, Form, Grid, Input, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { isIsoDate, isTaskStatus, TASK_STATUSES, type TaskStatus } from '@dondoc/core';
import { DATE_FORMAT, ErrorPanel, formatDate, formatNumber, fromDayjs, toDayjs, useAccess, useDocumentTitle, useLocale, useSession, useT } from '@dondoc/ui';
import { core, type TaskListItem } from '../../core/client.ts';
import { perm } from '../../core/access.ts';
import { useLabels } from '../../core/labels.ts';
import { InferredTag, LeadershipTag, NoProgressTag, TaskStatusTag } from '../../core/tags.tsx';
import { ProgressValue } from '../../core/ProgressValue.tsx';
import { coreKeys } from '../../core/keys.ts';
import { RemindButton } from './RemindButton.tsx';
import { useUnits } from '../giving/units.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UNIT_CODE = /^[A-Z][A-Z0-9_]*$/;
const PAGE_SIZE = 50;

/** Filters of the task list, kept in the address (`?trang-thai=overdue&q=…`) so that a list can be shared and the Back button works. */
export interface TaskFilters {
  status?: TaskStatus;
  asOf?: string;
  directiveId?: string;
  unitCode?: string;
  q?: string;
}

export const filterParams = { status: 'trang-thai', asOf: 'ngay', directiveId: 'van-ban', unitCode: 'don-vi', q: 'q' } as const;

export function readFilters(params: URLSearchParams): TaskFilters {
  const filters: TaskFilters = {};
  const status = params.get(filterParams.status);
  if (isTaskStatus(status)) filters.status = status;
  const asOf = params.get(filterParams.asOf);
  if (asOf && isIsoDate(asOf)) filters.asOf = asOf;
  const directiveId = params.get(filterParams.directiveId);
  if (directiveId && UUID.test(directiveId)) filters.directiveId = directiveId;
  const unitCode = params.get(filterParams.unitCode);
  if (unitCode && UNIT_CODE.test(unitCode)) filters.unitCode = unitCode;
  const q = params.get(filterParams.q)?.trim();
  if (q) filters.q = q.slice(0, 200);
  return filters;
}

/** The task list as an infinite query: a page of 50 at a time, "Xem thêm" asks for the next by cursor. */
export function useTaskPages(filters: TaskFilters, { enabled = true, limit = PAGE_SIZE }: { enabled?: boolean; limit?: number } = {}) {
  return useInfiniteQuery({
    queryKey: coreKeys.taskList({ ...filters, limit }),
    queryFn: ({ pageParam }) => core.tasks.list.query({ ...filters, cursor: pageParam, limit }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData,
    enabled,
  });
}

/** `/nhiem-vu`: the tasks of the user's unit (coordinators: all, by unit), with filters, search and paging. */
export function TasksPage() {
  const t = useT('shell');
  const labels = useLabels();
  const { locale } = useLocale();
  const access = useAccess();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => readFilters(params), [params]);
  useDocumentTitle(t('tasks.title'));

  const setFilter = (key: keyof TaskFilters, value: string | null | undefined) => {
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(filterParams[key], value);
        else next.delete(filterParams[key]);
        return next;
      },
      { replace: key === 'q' },
    );
  };

  // The search box applies what is typed after a short pause (or at once on Enter).
  const [search, setSearch] = useState(filters.q ?? '');
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);
  const location = useLocation();
  const pendingSearch = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const typed = search.trim();
    if (typed === (filters.q ?? '')) return;
    const timer = setTimeout(() => {
      // A click on a task keeps this page mounted until the task's page has loaded: a search
      // applied then would navigate back here, and the click would seem to do nothing.
      if (window.location.pathname !== location.pathname) return;
      setFilter('q', typed);
    }, 400);
    pendingSearch.current = timer;
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [search]);
  /** Enter: the search at once, and no second one when the pause ends. */
  const applySearchNow = () => {
    clearTimeout(pendingSearch.current);
    setFilter('q', search.trim());
  };

  const directives = useQuery({ queryKey: coreKeys.directives, queryFn: () => core.directives.list.query(), staleTime: 5 * 60_000 });
  const units = useUnits(access.seesAllUnits && access.can(perm.tasksRead));
  const pages = useTaskPages(filters);
  const items = useMemo(() => pages.data?.pages.flatMap((page) => page.items) ?? [], [pages.data]);
  const total = pages.data?.pages[0]?.total ?? null;
  // A phone (below md): one column per task — code and title, then status and progress — so
  // that nothing needs scrolling sideways.
  const phone = Grid.useBreakpoint().md === false;
  const taskPath = (task: TaskListItem) => `/nhiem-vu/${task.id}${filters.asOf ? `?ngay=${filters.asOf}` : ''}`;
  const statusTags = (task: TaskListItem) => (
    <Space size={[0, 4]} wrap>
      <TaskStatusTag status={task.status} />
      {task.noProgressUpdate ? <NoProgressTag /> : null}
      {task.flaggedForLeadership ? <LeadershipTag /> : null}
    </Space>
  );
  const deadlineText = (task: TaskListItem) => (
    <>
      {task.continuous || !task.deadline ? labels.status('continuous') : formatDate(task.deadline)}
      {task.deadlineInferred ? <InferredTag explanation={t('inferred.deadline')} /> : null}
    </>
  );

  const columns: TableColumnsType<TaskListItem> = phone
    ? [
        {
          title: t('tasks.task'),
          key: 'task',
          render: (_, task) => (
            <div className="dondoc-task-cell">
              <Link to={taskPath(task)} className="dondoc-task-title-link">
                <span className="dondoc-task-code">{task.code}</span> {task.title}
              </Link>
              <div className="dondoc-task-cell-meta">
                {statusTags(task)}
                <ProgressValue value={task.progress} compact />
              </div>
              <div className="dondoc-muted">
                {task.leadUnit.name} · {t('tasks.deadline')}: {deadlineText(task)}
              </div>
            </div>
          ),
        },
      ]
    : [
        { title: t('tasks.code'), dataIndex: 'code', width: 150, render: (_, task) => <Link to={taskPath(task)}>{task.code}</Link> },
        {
          title: t('tasks.task'),
          dataIndex: 'title',
          width: 340,
          render: (_, task) => (
            <Link to={taskPath(task)} className="dondoc-task-title-link">
              {task.title}
            </Link>
          ),
        },
        { title: t('tasks.leadUnit'), dataIndex: ['leadUnit', 'name'], width: 170 },
        { title: t('tasks.deadline'), dataIndex: 'deadline', width: 150, render: (_, task) => deadlineText(task) },
        { title: t('tasks.status'), dataIndex: 'status', width: 210, render: (_, task) => statusTags(task) },
        { title: t('tasks.progress'), dataIndex: 'progress', width: 150, render: (_, task) => <ProgressValue value={task.progress} compact /> },
      ];
  // In the list only coordinators remind (the detail page offers it to the units that follow a task up).
  if (access.seesAllUnits && access.can(perm.remindersSend) && !phone) {
    columns.push({
      title: <span className="dondoc-visually-hidden">{t('tasks.actions')}</span>,
      key: 'actions',
      width: 110,
      render: (_, task) => <RemindButton task={task} size="small" />,
    });
  }

  const hasFilters = Object.keys(filters).length > 0;
  return (
    <div className="dondoc-page dondoc-page-wide">
      <Typography.Title level={1}>{t('tasks.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">
        {access.seesAllUnits ? t('tasks.introAll') : t('tasks.introUnit', { unit: user.unit?.name ?? t('layout.noUnit') })}
      </Typography.Paragraph>

      <form role="search" aria-label={t('tasks.filters')} className="dondoc-filters" onSubmit={(event) => {
        event.preventDefault();
        applySearchNow();
      }}>
        <Form layout="vertical" component={false}>
          <Form.Item label={t('tasks.search')} htmlFor="tasks-q" className="dondoc-filter-search">
            <Input
              id="tasks-q"
              type="search"
              value={search}
              allowClear
              prefix={<SearchOutlined aria-hidden />}
              placeholder={t('tasks.searchPlaceholder')}
              onChange={(event) => setSearch(event.target.value)}
              onPressEnter={applySearchNow}
            />
          </Form.Item>
          <Form.Item label={t('tasks.status')} htmlFor="tasks-status">
            <Select<TaskStatus>
              id="tasks-status"
              allowClear
              placeholder={t('tasks.allStatuses')}
              value={filters.status}
              onChange={(value) => setFilter('status', value)}
              options={TASK_STATUSES.map((status) => ({ value: status, label: labels.status(status) }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          <Form.Item label={t('tasks.asOf')} htmlFor="tasks-asof">
            <DatePicker
              id="tasks-asof"
              format={DATE_FORMAT}
              value={toDayjs(filters.asOf)}
              placeholder={t('tasks.today')}
              onChange={(value) => setFilter('asOf', fromDayjs(value))}
            />
          </Form.Item>
          <Form.Item label={t('tasks.directive')} htmlFor="tasks-directive">
            <Select
              id="tasks-directive"
              allowClear
              loading={directives.isPending}
              placeholder={t('tasks.allDirectives')}
              value={filters.directiveId}
              onChange={(value) => setFilter('directiveId', value)}
              options={(directives.data ?? []).map((d) => ({ value: d.id, label: d.number }))}
              popupMatchSelectWidth={false}
            />
          </Form.Item>
          {access.seesAllUnits ? (
            <Form.Item label={t('tasks.unit')} htmlFor="tasks-unit">
              <Select
                id="tasks-unit"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={units.isPending}
                placeholder={t('tasks.allUnits')}
                value={filters.unitCode}
                onChange={(value) => setFilter('unitCode', value)}
                options={(units.data ?? []).map((u) => ({ value: u.code, label: u.name }))}
                popupMatchSelectWidth={false}
              />
            </Form.Item>
          ) : null}
          {hasFilters ? (
            <Form.Item label={<span aria-hidden>&nbsp;</span>} colon={false}>
              <Button onClick={() => setParams(new URLSearchParams())}>{t('tasks.clearFilters')}</Button>
            </Form.Item>
          ) : null}
        </Form>
      </form>

      {pages.isError ? (
        <ErrorPanel title={t('tasks.loadFailed')} error={pages.error} onRetry={() => void pages.refetch()} />
      ) : (
        <>
          <div className="dondoc-list-meta" role="status" aria-live="polite">
            {pages.isPending
              ? t('common.loading')
              : total === null
                ? t('tasks.shown', { count: items.length, more: pages.hasNextPage ? '+' : '' })
                : total === items.length
                  ? t('tasks.total', { total: formatNumber(total, locale) })
                  : t('tasks.shownOfTotal', { count: formatNumber(items.length, locale), total: formatNumber(total, locale) })}
          </div>
          <Table<TaskListItem>
            rowKey="id"
            size="middle"
            columns={columns}
            dataSource={items}
            loading={pages.isPending || (pages.isFetching && !pages.isFetchingNextPage)}
            pagination={false}
            scroll={phone ? undefined : { x: 900 }}
            locale={{ emptyText: hasFilters ? t('tasks.noMatch') : t('tasks.none') }}
          />
          {pages.isFetchNextPageError ? (
            <Alert type="error" showIcon className="dondoc-gap" title={t('tasks.moreFailed')} />
          ) : null}
          {pages.hasNextPage ? (
            <div className="dondoc-more">
              <Button onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
                {t('tasks.more')}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}

/**
 * `/m/tai-chinh/`: the register of public service units, one year at a time, with the checks
 * (mismatch, roadmap, approval) and the editor drawer.
 */
import { lazy, Suspense, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, ErrorPanel, Form, Input, Link, modulePath, PageHeader, Section, Select, Space, Table, type TableColumnsType, Typography, useT } from '@dondoc/ui';
import { taiChinh, type UnitView } from './client.ts';
import { ApprovalTag, CheckTag, GroupTag, RoadmapTag, useModuleAccess, useFormats } from './parts.tsx';
import './i18n.ts';

// The editor (a drawer with tabs) is downloaded when a unit is first opened, not with the list.
const UnitEditor = lazy(() => import('./UnitEditor.tsx').then((m) => ({ default: m.UnitEditor })));

const FLAGS = ['mismatch', 'undetermined', 'behind', 'unclassified', 'pending'] as const;
type Filters = { year?: number; managingUnitCode?: string; search?: string; flag?: (typeof FLAGS)[number] };

export function RegisterPage() {
  const t = useT('tai-chinh');
  const f = useFormats();
  const access = useModuleAccess();
  const [filters, setFilters] = useState<Filters>({});
  const [page, setPage] = useState(1);
  // Any change of a filter goes back to the first page.
  const filter = (change: Filters) => {
    setFilters((current) => ({ ...current, ...change }));
    setPage(1);
  };
  const [pageSize, setPageSize] = useState(20);
  const [editing, setEditing] = useState<{ id: string | null } | null>(null);
  // Once opened, the editor stays mounted, so that closing its drawer plays the animation.
  const [editorOpened, setEditorOpened] = useState(false);
  if (editing !== null && !editorOpened) setEditorOpened(true);

  const focusYear = filters.year ?? access.data?.currentYear;
  const input = { ...filters, year: focusYear, page, pageSize };
  const list = useQuery({ ...taiChinh.units.list.queryOptions(input), enabled: focusYear !== undefined, placeholderData: keepPreviousData });

  if (access.isError) return <ErrorPanel title={t('common:common.loadFailed')} error={access.error} onRetry={() => void access.refetch()} />;
  const writable = access.data?.writableUnits ?? [];
  const canWrite = writable.length > 0;
  const seesAll = access.data?.scope === 'all';

  const columns: TableColumnsType<UnitView> = [
    {
      title: t('common.unitName'),
      dataIndex: 'name',
      render: (name: string, unit) => (
        <Button type="link" style={{ padding: 0, height: 'auto', whiteSpace: 'normal', textAlign: 'left' }} onClick={() => setEditing({ id: unit.id })} aria-label={t('register.editLabel', { name })}>
          {name}
        </Button>
      ),
    },
    ...(seesAll ? [{ title: t('common.managingUnit'), key: 'managing', render: (_: unknown, unit: UnitView) => unit.managingUnit.name }] : []),
    { title: t('common.sector'), dataIndex: 'sector' },
    {
      title: `${t('common.group')} ${focusYear ?? ''}`,
      key: 'group',
      render: (_, unit) => {
        const y = unit.years.find((row) => row.year === focusYear);
        return (
          <Space orientation="vertical" size={2}>
            <GroupTag group={y?.group ?? null} />
            {y ? <CheckTag year={y} /> : null}
          </Space>
        );
      },
    },
    {
      title: t('common.level'),
      key: 'level',
      align: 'right',
      render: (_, unit) => f.percent(unit.years.find((row) => row.year === focusYear)?.level),
    },
    {
      title: t('common.roadmap'),
      key: 'roadmap',
      render: (_, unit) => {
        const y = unit.years.find((row) => row.year === focusYear);
        if (!y?.plannedGroup) return '—';
        return (
          <Space orientation="vertical" size={2}>
            <span>{f.groupShort(y.plannedGroup)}</span>
            <RoadmapTag status={y.roadmap} />
          </Space>
        );
      },
    },
    {
      title: t('common.approval'),
      key: 'approval',
      render: (_, unit) => {
        const y = unit.years.find((row) => row.year === focusYear);
        return y && y.group !== null ? <ApprovalTag status={y.approval} /> : '—';
      },
    },
  ];

  return (
    <div className="dondoc-page">
      <PageHeader title={t('register.title')} intro={t('register.intro')} />
      {access.data ? (
        <Typography.Paragraph>
          {seesAll ? t('common.scopeAll') : t('common.scopeOwn', { unit: access.data.ownUnit?.name ?? '' })}
        </Typography.Paragraph>
      ) : null}

      <Section size="default" title={t('register.filters')}>
        <Form layout="inline" name="tai-chinh-filters" style={{ rowGap: 12 }}>
          <Form.Item label={t('common.year')}>
            <Select
              value={focusYear}
              style={{ width: 100 }}
              options={(access.data?.years ?? []).map((y) => ({ value: y, label: String(y) }))}
              onChange={(year: number) => filter({ year })}
              aria-label={t('common.year')}
            />
          </Form.Item>
          {seesAll ? (
            <Form.Item label={t('common.managingUnit')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('common.allManagingUnits')}
                style={{ width: 260 }}
                value={filters.managingUnitCode}
                options={(list.data?.managingUnits ?? []).map((m) => ({ value: m.code, label: m.name }))}
                onChange={(managingUnitCode?: string) => filter({ managingUnitCode })}
                aria-label={t('common.managingUnit')}
              />
            </Form.Item>
          ) : null}
          <Form.Item label={t('register.flag')}>
            <Select
              allowClear
              placeholder={t('register.flagAll')}
              style={{ width: 260 }}
              value={filters.flag}
              options={FLAGS.map((value) => ({ value, label: t(`register.flags.${value}`) }))}
              onChange={(flag?: Filters['flag']) => filter({ flag })}
              aria-label={t('register.flag')}
            />
          </Form.Item>
          <Form.Item label={t('register.search')}>
            <Input.Search
              allowClear
              style={{ width: 260 }}
              onSearch={(value) => filter({ search: value.trim() || undefined })}
              aria-label={t('register.search')}
            />
          </Form.Item>
        </Form>
      </Section>

      {canWrite ? (
        <Space style={{ marginBottom: 16 }} wrap>
          <Button type="primary" onClick={() => setEditing({ id: null })}>
            {t('register.add')}
          </Button>
          <Link to={modulePath('tai-chinh', 'nhap-tu-tep')}>{t('register.import')}</Link>
        </Space>
      ) : null}

      {list.isError ? (
        <ErrorPanel title={t('common:common.loadFailed')} error={list.error} onRetry={() => void list.refetch()} />
      ) : (
        <Table<UnitView>
          rowKey="id"
          columns={columns}
          dataSource={list.data?.items ?? []}
          loading={list.isPending || access.isPending}
          locale={{ emptyText: t('register.empty') }}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            showSizeChanger: true,
            pageSizeOptions: [20, 50, 100, 200],
            showTotal: (total) => t('register.total', { count: total }),
            onChange: (next, size) => {
              setPage(size !== pageSize ? 1 : next);
              setPageSize(size);
            },
          }}
          scroll={{ x: true }}
        />
      )}

      {editorOpened ? (
        <Suspense fallback={null}>
          <UnitEditor
            open={editing !== null}
            unitId={editing?.id ?? null}
            writableUnits={writable}
            onClose={() => setEditing(null)}
            onCreated={(unit) => setEditing({ id: unit.id })}
          />
        </Suspense>
      ) : null}
    </div>
  );
}

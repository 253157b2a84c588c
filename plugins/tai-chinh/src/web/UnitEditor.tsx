/**
 * The drawer that adds or edits one public service unit: its details, then one tab per year
 * with its classification (group, A, B, investment flag) and planned group. The level and the
 * implied group are computed as the user types, with the same rules as the server.
 */
import { useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Checkbox, ErrorPanel, Form, FormActions, formatDateTime, FormOutcome, Input, personLabel, Select, Space, Typography, useT, useVersionedForm } from '@dondoc/ui';
import { Drawer, Tabs } from '@dondoc/ui/panels';
import {
  AUTONOMY_GROUPS,
  checkClassification,
  isAutonomyGroup,
  parseVietnameseNumber,
  PLAN_YEARS,
  SECTOR_SUGGESTIONS,
  type AutonomyGroup,
} from '../domain/index.ts';
import { client, taiChinh, type UnitView, type YearView } from './client.ts';
import { ApprovalTag, useFormats } from './parts.tsx';

export interface UnitEditorProps {
  /** The unit to edit, or `null` to add one. */
  unitId: string | null;
  open: boolean;
  /** The managing units whose registers the caller may change. */
  writableUnits: Array<{ code: string; name: string }>;
  onClose: () => void;
  /** Called with the new unit after it is added (the drawer then edits it). */
  onCreated: (unit: UnitView) => void;
}

export function UnitEditor({ unitId, open, writableUnits, onClose, onCreated }: UnitEditorProps) {
  const t = useT('tai-chinh');
  const unit = useQuery({ ...taiChinh.units.get.queryOptions({ id: unitId ?? '' }), enabled: open && unitId !== null });
  const canWrite = unitId === null ? writableUnits.length > 0 : writableUnits.some((w) => w.code === unit.data?.managingUnit.code);
  const title = unitId === null ? t('editor.createTitle') : unit.data ? t('editor.editTitle', { name: unit.data.name }) : t('editor.createTitle');
  return (
    <Drawer open={open} onClose={onClose} title={title} size="large" destroyOnHidden>
      {unitId === null ? (
        <UnitForm unit={null} canWrite={canWrite} writableUnits={writableUnits} onCreated={onCreated} onRemoved={onClose} />
      ) : unit.isError ? (
        <ErrorPanel title={t('common:common.loadFailed')} error={unit.error} onRetry={() => void unit.refetch()} />
      ) : unit.data ? (
        <>
          <UnitForm key={unit.data.id} unit={unit.data} canWrite={canWrite} writableUnits={writableUnits} onCreated={onCreated} onRemoved={onClose} />
          <Typography.Title level={3}>{t('editor.yearsSection')}</Typography.Title>
          <Tabs
            items={PLAN_YEARS.map((year) => ({
              key: String(year),
              label: String(year),
              children: <YearForm key={`${unit.data.id}-${year}`} unit={unit.data} year={year} canWrite={canWrite} />,
            }))}
          />
        </>
      ) : (
        <Typography.Paragraph>{t('editor.createTitle')}…</Typography.Paragraph>
      )}
    </Drawer>
  );
}

/** The drawer's unit in the cache: as a save answered it (the module refreshed), or the latest for a reload. */
function useUnitCache() {
  const queryClient = useQueryClient();
  const put = (unit: UnitView) => queryClient.setQueryData(taiChinh.units.get.queryKey({ id: unit.id }), unit);
  const refresh = () => void queryClient.invalidateQueries(taiChinh.pathFilter());
  return {
    refresh,
    saved: (unit: UnitView) => (put(unit), refresh()),
    latest: async (id: string) => {
      const fresh = await client.units.get.query({ id });
      put(fresh);
      return fresh;
    },
  };
}

type UnitFormProps = Pick<UnitEditorProps, 'writableUnits' | 'onCreated'> & { unit: UnitView | null; canWrite: boolean; onRemoved: () => void };

interface UnitValues {
  name: string;
  sector: string;
  managingUnitCode?: string;
}

function UnitForm({ unit, canWrite, writableUnits, onCreated, onRemoved }: UnitFormProps) {
  const t = useT('tai-chinh');
  const f = useFormats();
  const cache = useUnitCache();
  const [form] = Form.useForm<UnitValues>();
  // A new unit belongs to the caller's unit; only a caller who may write for several chooses.
  const chooses = !unit && writableUnits.length > 1;
  const [done, setDone] = useState<string | null>(null);

  const versioned = useVersionedForm<UnitValues, UnitView>({
    version: unit?.version ?? null,
    form,
    save: (values, version) =>
      unit
        ? client.units.update.mutate({ id: unit.id, version: version ?? unit.version, name: values.name, sector: values.sector })
        : client.units.create.mutate({ name: values.name, sector: values.sector, managingUnitCode: values.managingUnitCode ?? writableUnits[0]?.code }),
    onSaved: (answer) => {
      setDone(unit ? t('editor.unitSaved') : t('editor.created', { name: answer.name }));
      cache.saved(answer);
      if (!unit) onCreated(answer);
    },
    reload: async () => {
      if (!unit) return null;
      const fresh = await cache.latest(unit.id);
      return { version: fresh.version, values: { name: fresh.name, sector: fresh.sector } };
    },
  });
  const remove = useMutation({
    mutationFn: () => client.units.remove.mutate({ id: unit!.id, version: versioned.version ?? unit!.version }),
    onSuccess: () => {
      cache.refresh();
      onRemoved();
    },
  });

  return (
    <section aria-labelledby="tai-chinh-unit-section">
      <Typography.Title level={3} id="tai-chinh-unit-section">
        {t('editor.unitSection')}
      </Typography.Title>
      {unit ? (
        <Typography.Paragraph type="secondary">
          {unit.managingUnit.name} · {t('editor.lastChange', { user: personLabel(unit.people?.[unit.updatedBy]) || unit.updatedBy, date: formatDateTime(unit.updatedAt) })}
        </Typography.Paragraph>
      ) : null}
      {!canWrite ? <Alert type="info" showIcon title={t('editor.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="tai-chinh-unit"
        disabled={!canWrite}
        initialValues={{ name: unit?.name ?? '', sector: unit?.sector ?? '' }}
        onFinish={(values) => {
          setDone(null);
          versioned.submit(values);
        }}
      >
        {chooses ? (
          <Form.Item label={t('common.managingUnit')} name="managingUnitCode" rules={[{ required: true, message: t('common.managingUnit') }]}>
            <Select showSearch={{ optionFilterProp: 'label' }} options={writableUnits.map((w) => ({ value: w.code, label: w.name }))} />
          </Form.Item>
        ) : null}
        <Form.Item label={t('common.unitName')} name="name" rules={[{ required: true, whitespace: true, message: t('editor.nameRequired') }]}>
          <Input maxLength={300} autoFocus={!unit} />
        </Form.Item>
        <Form.Item label={t('common.sector')} name="sector" rules={[{ required: true, whitespace: true, message: t('editor.sectorRequired') }]}>
          <AutoComplete options={SECTOR_SUGGESTIONS.map((s) => ({ value: s.vi, label: f.locale === 'en' ? `${s.vi} (${s.en})` : s.vi }))} maxLength={200} />
        </Form.Item>
        {canWrite ? (
          <FormActions
            submitLabel={unit ? t('editor.saveUnit') : t('editor.createUnit')}
            submitting={versioned.mutation.isPending}
            confirmed={unit ? { label: t('editor.removeUnit'), confirm: t('editor.removeConfirm', { name: unit.name }), onConfirm: () => remove.mutate(), loading: remove.isPending, danger: true } : null}
          />
        ) : null}
      </Form>
      <FormOutcome versioned={versioned} actions={[remove]} done={done} />
    </section>
  );
}

interface YearFormValues {
  /** undefined: not classified (the select is cleared). */
  group: AutonomyGroup | undefined;
  revenueA: string;
  spendingB: string;
  investmentCovered: boolean;
  plannedGroup: AutonomyGroup | undefined;
}

function YearForm({ unit, year, canWrite }: { unit: UnitView; year: number; canWrite: boolean }) {
  const t = useT('tai-chinh');
  const f = useFormats();
  const cache = useUnitCache();
  const row: YearView | undefined = unit.years.find((y) => y.year === year);
  const [form] = Form.useForm<YearFormValues>();
  const [done, setDone] = useState<string | null>(null);
  const valuesOf = (y: YearView | undefined): YearFormValues => ({
    group: y?.group ?? undefined,
    revenueA: y?.revenueA === null || y?.revenueA === undefined ? '' : f.amount(y.revenueA),
    spendingB: y?.spendingB === null || y?.spendingB === undefined ? '' : f.amount(y.spendingB),
    investmentCovered: y?.investmentCovered ?? false,
    plannedGroup: y?.plannedGroup ?? undefined,
  });
  const [initial] = useState(() => valuesOf(row));
  const versionIn = (answer: UnitView) => answer.years.find((y) => y.year === year)?.version ?? null;
  const values = Form.useWatch([], form) as Partial<YearFormValues> | undefined;
  const preview = useMemo(() => {
    const a = parseVietnameseNumber(values?.revenueA ?? initial.revenueA);
    const b = parseVietnameseNumber(values?.spendingB ?? initial.spendingB);
    const group = values?.group ?? null;
    return checkClassification({ group: isAutonomyGroup(group) ? group : null, revenueA: a, spendingB: b, investmentCovered: values?.investmentCovered ?? false });
  }, [values, initial.revenueA, initial.spendingB]);
  const locked = row?.locked ?? false;
  const editable = canWrite && !locked;

  const amount = (text: string | undefined) => ((text ?? '').trim() === '' ? null : parseVietnameseNumber(text));
  const versioned = useVersionedForm<YearFormValues, UnitView>({
    version: row?.version ?? null,
    form,
    versionOf: versionIn,
    save: (v, version) =>
      client.years.save.mutate({
        unitId: unit.id,
        year,
        version,
        group: v.group ?? null,
        revenueA: amount(v.revenueA),
        spendingB: amount(v.spendingB),
        investmentCovered: v.investmentCovered,
        plannedGroup: v.plannedGroup ?? null,
      }),
    onSaved: (answer) => {
      setDone(t('editor.yearSaved', { year }));
      cache.saved(answer);
    },
    reload: async () => {
      const fresh = await cache.latest(unit.id);
      return { version: versionIn(fresh), values: { ...valuesOf(fresh.years.find((y) => y.year === year)) } };
    },
  });
  const clear = useMutation({
    mutationFn: () => client.years.clear.mutate({ unitId: unit.id, year, version: versioned.version ?? row!.version }),
    onSuccess: (answer) => {
      setDone(t('editor.yearCleared', { year }));
      versioned.setVersion(versionIn(answer));
      form.setFieldsValue(valuesOf(undefined));
      cache.saved(answer);
    },
  });

  const amountRule = (positive: boolean) => ({
    validator: async (_: unknown, value: string | undefined) => {
      if (!value || value.trim() === '') return;
      const parsed = parseVietnameseNumber(value);
      if (parsed === null) throw new Error(t('editor.amountInvalid'));
      if (parsed < 0) throw new Error(t('editor.amountNegative'));
      if (positive && parsed === 0) throw new Error(t('editor.bPositive'));
    },
  });
  const groupOptions = AUTONOMY_GROUPS.map((g) => ({ value: g, label: f.groupLong(g) }));

  return (
    <div>
      {row ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <ApprovalTag status={row.approval} />
          <Typography.Text type="secondary">{t('editor.lastChange', { user: personLabel(unit.people?.[row.updatedBy]) || row.updatedBy, date: formatDateTime(row.updatedAt) })}</Typography.Text>
        </Space>
      ) : null}
      {locked ? <Alert type="warning" showIcon title={t('editor.locked', { year })} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        name={`tai-chinh-year-${year}`}
        layout="vertical"
        initialValues={initial}
        disabled={!editable}
        onFinish={(v) => {
          setDone(null);
          const parts = [v.group ?? null, (v.revenueA ?? '').trim() || null, (v.spendingB ?? '').trim() || null].filter((x) => x !== null).length;
          if (parts !== 0 && parts !== 3) {
            form.setFields([{ name: 'group', errors: [t('editor.together')] }]);
            return;
          }
          if (parts === 0 && !v.plannedGroup) {
            form.setFields([{ name: 'plannedGroup', errors: [t('editor.nothing')] }]);
            return;
          }
          versioned.submit(v);
        }}
      >
        <Form.Item label={t('common.group')} name="group">
          <Select options={groupOptions} allowClear placeholder={t('common.noGroup')} />
        </Form.Item>
        <Space wrap align="start">
          <Form.Item label={`${t('common.revenueA')} (${t('common.dong')})`} name="revenueA" rules={[amountRule(false)]}>
            <Input inputMode="decimal" style={{ width: 240 }} placeholder="1.234.567.000" />
          </Form.Item>
          <Form.Item label={`${t('common.spendingB')} (${t('common.dong')})`} name="spendingB" rules={[amountRule(true)]}>
            <Input inputMode="decimal" style={{ width: 240 }} placeholder="2.345.678.000" />
          </Form.Item>
        </Space>
        <Form.Item name="investmentCovered" valuePropName="checked" extra={t('editor.groupOneRule')}>
          <Checkbox>{t('common.investmentCovered')}</Checkbox>
        </Form.Item>
        <div aria-live="polite" style={{ marginBottom: 16 }}>
          {preview.level === null ? (
            <Typography.Text type="secondary">{t('editor.computedNone')}</Typography.Text>
          ) : (
            <Typography.Text strong data-testid="level-preview">
              {t('editor.computed', { level: f.percent(preview.level), group: preview.impliedGroup ? f.groupShort(preview.impliedGroup) : '—' })}
            </Typography.Text>
          )}
          {preview.status === 'mismatch' && values?.group && preview.impliedGroup ? (
            <Alert
              type="warning"
              showIcon
              style={{ marginTop: 8 }}
              title={t('editor.mismatch', { entered: f.groupShort(values.group), implied: f.groupShort(preview.impliedGroup) })}
            />
          ) : null}
        </div>
        <Form.Item label={t('common.plannedGroup')} name="plannedGroup">
          <Select options={groupOptions} allowClear placeholder={t('common.noPlan')} />
        </Form.Item>
        {editable ? (
          <FormActions
            submitLabel={t('editor.saveYear', { year })}
            submitting={versioned.mutation.isPending}
            confirmed={row ? { label: t('editor.clearYear', { year }), confirm: t('editor.clearConfirm', { year }), onConfirm: () => clear.mutate(), loading: clear.isPending } : null}
          />
        ) : null}
      </Form>
      <FormOutcome versioned={versioned} actions={[clear]} done={done} />
    </div>
  );
}

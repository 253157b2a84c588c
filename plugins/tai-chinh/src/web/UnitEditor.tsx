/**
 * The drawer that adds or edits one public service unit: its details, then one tab per year
 * with its classification (group, A, B, investment flag) and planned group. The level and the
 * implied group are computed as the user types, with the same rules as the server.
 */
import { useEffect, useMemo, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, AutoComplete, Button, Checkbox, Drawer, Form, Input, Popconfirm, Select, Space, Tabs, Typography } from 'antd';
import { ErrorPanel, errorMessage, formatDateTime, useT } from '@dondoc/ui';
import {
  AUTONOMY_GROUPS,
  checkClassification,
  isAutonomyGroup,
  parseVietnameseNumber,
  PLAN_YEARS,
  SECTOR_SUGGESTIONS,
  type AutonomyGroup,
} from '../domain/index.ts';
import { client, keys, type UnitView, type YearView } from './client.ts';
import { ApprovalTag, useFormats, useRevealOn } from './parts.tsx';

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
  const unit = useQuery({ queryKey: keys.unit(unitId ?? ''), queryFn: () => client.units.get.query({ id: unitId! }), enabled: open && unitId !== null });
  const canWrite = unitId === null ? writableUnits.length > 0 : writableUnits.some((w) => w.code === unit.data?.managingUnit.code);
  const title = unitId === null ? t('editor.createTitle') : unit.data ? t('editor.editTitle', { name: unit.data.name }) : t('editor.createTitle');
  return (
    <Drawer open={open} onClose={onClose} title={title} size="large" destroyOnHidden>
      {unitId === null ? (
        <UnitForm unit={null} canWrite={canWrite} writableUnits={writableUnits} onCreated={onCreated} onRemoved={onClose} />
      ) : unit.isError ? (
        <ErrorPanel title={t('common.loadFailed')} error={unit.error} onRetry={() => void unit.refetch()} />
      ) : unit.data ? (
        <>
          <UnitForm unit={unit.data} canWrite={canWrite} writableUnits={writableUnits} onCreated={onCreated} onRemoved={onClose} />
          <Typography.Title level={3}>{t('editor.yearsSection')}</Typography.Title>
          <Tabs
            items={PLAN_YEARS.map((year) => ({
              key: String(year),
              label: String(year),
              children: <YearForm key={`${unit.data.id}-${year}-${unit.data.years.find((y) => y.year === year)?.version ?? 0}`} unit={unit.data} year={year} canWrite={canWrite} />,
            }))}
          />
        </>
      ) : (
        <Typography.Paragraph>{t('editor.createTitle')}…</Typography.Paragraph>
      )}
    </Drawer>
  );
}

interface UnitFormProps {
  unit: UnitView | null;
  canWrite: boolean;
  writableUnits: Array<{ code: string; name: string }>;
  onCreated: (unit: UnitView) => void;
  onRemoved: () => void;
}

function UnitForm({ unit, canWrite, writableUnits, onCreated, onRemoved }: UnitFormProps) {
  const t = useT('tai-chinh');
  const f = useFormats();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; sector: string; managingUnitCode?: string }>();
  // A new unit belongs to the caller's unit; only a caller who may write for several chooses.
  const chooses = !unit && writableUnits.length > 1;
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    form.setFieldsValue({ name: unit?.name ?? '', sector: unit?.sector ?? '' });
  }, [form, unit?.name, unit?.sector]);

  const save = useMutation({
    mutationFn: (values: { name: string; sector: string; managingUnitCode?: string }) =>
      unit
        ? client.units.update.mutate({ id: unit.id, version: unit.version, name: values.name, sector: values.sector })
        : client.units.create.mutate({ name: values.name, sector: values.sector, managingUnitCode: values.managingUnitCode ?? writableUnits[0]?.code }),
    onSuccess: (saved) => {
      setDone(unit ? t('editor.unitSaved') : t('editor.created', { name: saved.name }));
      queryClient.setQueryData(keys.unit(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: keys.all });
      if (!unit) onCreated(saved);
    },
  });
  const remove = useMutation({
    mutationFn: () => client.units.remove.mutate({ id: unit!.id, version: unit!.version }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: keys.all });
      onRemoved();
    },
  });

  const unitResult = useRevealOn<HTMLDivElement>(done ?? (save.error || remove.error));
  return (
    <section aria-labelledby="tai-chinh-unit-section">
      <Typography.Title level={3} id="tai-chinh-unit-section">
        {t('editor.unitSection')}
      </Typography.Title>
      {unit ? (
        <Typography.Paragraph type="secondary">
          {unit.managingUnit.name} · {t('editor.lastChange', { user: unit.updatedBy, date: formatDateTime(unit.updatedAt) })}
        </Typography.Paragraph>
      ) : null}
      {!canWrite ? <Alert type="info" showIcon title={t('editor.readOnly')} style={{ marginBottom: 16 }} /> : null}
      <Form
        form={form}
        layout="vertical"
        name="tai-chinh-unit"
        disabled={!canWrite}
        onFinish={(values) => {
          setDone(null);
          save.mutate(values);
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
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {unit ? t('editor.saveUnit') : t('editor.createUnit')}
            </Button>
            {unit ? (
              <Popconfirm title={t('editor.removeConfirm', { name: unit.name })} onConfirm={() => remove.mutate()}>
                <Button danger loading={remove.isPending}>
                  {t('editor.removeUnit')}
                </Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
      </Form>
      <div ref={unitResult}>
        {save.isError || remove.isError ? (
          <Alert role="alert" type="error" showIcon title={t('common.saveFailed')} description={errorMessage(save.error ?? remove.error)} style={{ marginTop: 16 }} />
        ) : null}
        {done ? <Alert role="status" type="success" showIcon title={done} style={{ marginTop: 16 }} /> : null}
      </div>
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
  const queryClient = useQueryClient();
  const row: YearView | undefined = unit.years.find((y) => y.year === year);
  const [form] = Form.useForm<YearFormValues>();
  const [done, setDone] = useState<string | null>(null);
  const initial: YearFormValues = {
    group: row?.group ?? undefined,
    revenueA: row?.revenueA === null || row?.revenueA === undefined ? '' : f.amount(row.revenueA),
    spendingB: row?.spendingB === null || row?.spendingB === undefined ? '' : f.amount(row.spendingB),
    investmentCovered: row?.investmentCovered ?? false,
    plannedGroup: row?.plannedGroup ?? undefined,
  };
  const values = Form.useWatch([], form) as Partial<YearFormValues> | undefined;
  const preview = useMemo(() => {
    const a = parseVietnameseNumber(values?.revenueA ?? initial.revenueA);
    const b = parseVietnameseNumber(values?.spendingB ?? initial.spendingB);
    const group = values?.group ?? null;
    return checkClassification({ group: isAutonomyGroup(group) ? group : null, revenueA: a, spendingB: b, investmentCovered: values?.investmentCovered ?? false });
  }, [values, initial.revenueA, initial.spendingB]);
  const locked = row?.locked ?? false;
  const editable = canWrite && !locked;

  const onSaved = (saved: UnitView, message: string) => {
    setDone(message);
    queryClient.setQueryData(keys.unit(saved.id), saved);
    void queryClient.invalidateQueries({ queryKey: keys.all });
  };
  const save = useMutation({
    mutationFn: (v: YearFormValues) => {
      const a = (v.revenueA ?? '').trim() === '' ? null : parseVietnameseNumber(v.revenueA);
      const b = (v.spendingB ?? '').trim() === '' ? null : parseVietnameseNumber(v.spendingB);
      return client.years.save.mutate({
        unitId: unit.id,
        year,
        version: row?.version ?? null,
        group: v.group ?? null,
        revenueA: a,
        spendingB: b,
        investmentCovered: v.investmentCovered,
        plannedGroup: v.plannedGroup ?? null,
      });
    },
    onSuccess: (saved) => onSaved(saved, t('editor.yearSaved', { year })),
  });
  const clear = useMutation({
    mutationFn: () => client.years.clear.mutate({ unitId: unit.id, year, version: row!.version }),
    onSuccess: (saved) => onSaved(saved, t('editor.yearCleared', { year })),
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
  const yearResult = useRevealOn<HTMLDivElement>(done ?? (save.error || clear.error));
  const groupOptions = AUTONOMY_GROUPS.map((g) => ({ value: g, label: f.groupLong(g) }));

  return (
    <div>
      {row ? (
        <Space wrap style={{ marginBottom: 12 }}>
          <ApprovalTag status={row.approval} />
          <Typography.Text type="secondary">{t('editor.lastChange', { user: row.updatedBy, date: formatDateTime(row.updatedAt) })}</Typography.Text>
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
          save.mutate(v);
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
          <Space wrap>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('editor.saveYear', { year })}
            </Button>
            {row ? (
              <Popconfirm title={t('editor.clearConfirm', { year })} onConfirm={() => clear.mutate()}>
                <Button loading={clear.isPending}>{t('editor.clearYear', { year })}</Button>
              </Popconfirm>
            ) : null}
          </Space>
        ) : null}
      </Form>
      <div ref={yearResult}>
      {save.isError || clear.isError ? (
        <Alert
          role="alert"
          type="error"
          showIcon
          title={t('common.saveFailed')}
          description={errorMessage(save.error ?? clear.error)}
          action={
            <Button size="small" onClick={() => void queryClient.invalidateQueries({ queryKey: keys.unit(unit.id) })}>
              {t('common.reload')}
            </Button>
          }
          style={{ marginTop: 16 }}
        />
      ) : null}
      {done ? <Alert role="status" type="success" showIcon title={done} style={{ marginTop: 16 }} /> : null}
      </div>
    </div>
  );
}

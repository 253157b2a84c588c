import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { CADENCES, UNIT_GROUPS, type Cadence, type UnitGroup } from '@dondoc/core';
import { formatDate, fromDayjs, maxTextRule, toDayjs, typedDateRule, useT, useVersionedForm } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import { core } from '../../core/client.ts';
import { coreKeys } from '../../core/keys.ts';
import { useLabels } from '../../core/labels.ts';
import type { DirectiveDetail, DraftTask } from './types.ts';
import { unitNamer, useGroupLabel, useUnitSelect, type UnitOption } from './units.ts';
import { TaskTextFields } from './TaskTextFields.tsx';
import './giving.css';

type Mode = 'one' | 'list' | 'group';

interface TargetValues {
  name: string;
  direction: 'at_least' | 'at_most';
  targetValue: number | null;
  measureUnit: string;
  targetDate: Dayjs | null;
  baselineValue: number | null;
  baselineDate: Dayjs | null;
}

export interface DraftValues {
  clause: string;
  title: string;
  content: string;
  mode: Mode;
  unit?: string | undefined;
  units?: string[] | undefined;
  group?: UnitGroup | undefined;
  followUpUnitCode?: string | null | undefined;
  coordinatorUnitCodes: string[];
  deadline: Dayjs | null;
  continuous: boolean;
  cadence: Cadence;
  targets: TargetValues[];
}

const CLAUSE_PATTERN = /^\s*[0-9A-Za-z]+(\.[0-9A-Za-z]+)*\s*$/;

function valuesOf(draft: DraftTask | null): DraftValues {
  if (!draft) {
    return {
      clause: '',
      title: '',
      content: '',
      mode: 'one',
      unit: undefined,
      units: [],
      group: 'districts',
      followUpUnitCode: null,
      coordinatorUnitCodes: [],
      deadline: null,
      continuous: false,
      cadence: 'quarter',
      targets: [],
    };
  }
  const assignees = draft.assignees;
  const mode: Mode = assignees.kind === 'group' ? 'group' : assignees.unitCodes.length === 1 ? 'one' : 'list';
  return {
    clause: draft.clause,
    title: draft.title,
    content: draft.content,
    mode,
    unit: assignees.kind === 'units' && mode === 'one' ? assignees.unitCodes[0] : undefined,
    units: assignees.kind === 'units' && mode === 'list' ? assignees.unitCodes : [],
    group: assignees.kind === 'group' ? assignees.group : 'districts',
    followUpUnitCode: draft.followUpUnitCode,
    coordinatorUnitCodes: draft.coordinatorUnitCodes,
    deadline: toDayjs(draft.deadline),
    continuous: draft.continuous,
    cadence: (draft.cadence as Cadence) ?? 'quarter',
    targets: draft.targets.map((target) => ({
      name: target.name,
      direction: target.direction,
      targetValue: target.targetValue,
      measureUnit: target.measureUnit,
      targetDate: toDayjs(target.targetDate),
      baselineValue: target.baselineValue,
      baselineDate: toDayjs(target.baselineDate),
    })),
  };
}

/** Several units: one parent task followed up by a unit, with a child per unit. */
function givenToSeveral(values: Pick<DraftValues, 'mode' | 'units'>): boolean {
  return values.mode === 'group' || (values.mode === 'list' && (values.units?.length ?? 0) > 1);
}

function draftInput(directiveId: string, values: DraftValues, draft: DraftTask | null, version: number | null) {
  const several = givenToSeveral(values);
  const assignees =
    values.mode === 'group'
      ? { kind: 'group' as const, group: values.group ?? 'districts' }
      : { kind: 'units' as const, unitCodes: values.mode === 'one' ? (values.unit ? [values.unit] : []) : (values.units ?? []) };
  return {
    directiveId,
    ...(draft && version !== null ? { id: draft.id, version } : {}),
    clause: values.clause.trim(),
    title: values.title.trim(),
    content: values.content?.trim() ?? '',
    assignees,
    followUpUnitCode: several ? (values.followUpUnitCode ?? null) : null,
    coordinatorUnitCodes: values.coordinatorUnitCodes ?? [],
    deadline: values.continuous ? null : fromDayjs(values.deadline),
    continuous: values.continuous,
    cadence: values.cadence,
    targets: (values.targets ?? []).map((target) => ({
      name: target.name.trim(),
      direction: target.direction,
      targetValue: target.targetValue ?? 0,
      measureUnit: target.measureUnit.trim(),
      targetDate: fromDayjs(target.targetDate)!,
      baselineValue: target.baselineValue ?? 0,
      baselineDate: fromDayjs(target.baselineDate)!,
    })),
  };
}

/**
 * The form of a draft task: clause, title, content; to whom (one unit, a list, or a group),
 * the unit following several up, coordinating units; deadline or "Thường xuyên"; reporting
 * cadence; targets. A new task is added; an existing one is saved with the version read
 * (a stale save shows who changed it, and "Tải lại" keeps what was typed).
 */
export function DraftTaskForm({
  directive,
  draft,
  units,
  onDone,
  onDirtyChange,
}: {
  directive: DirectiveDetail;
  draft: DraftTask | null;
  units: UnitOption[] | undefined;
  onDone: () => void;
  onDirtyChange: (dirty: boolean) => void;
}) {
  const t = useT('shell');
  const labels = useLabels();
  const groupLabel = useGroupLabel();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DraftValues>();
  const unitSelect = useUnitSelect(units);
  const nameOf = unitNamer(units);
  const mode = Form.useWatch('mode', form) ?? valuesOf(draft).mode;
  const chosenUnits = Form.useWatch('units', form);
  const continuous = Form.useWatch('continuous', form) ?? false;
  const several = givenToSeveral({ mode, units: chosenUnits });
  const formName = draft ? `draft-task-${draft.id}` : 'draft-task-new';

  const versioned = useVersionedForm({
    version: draft?.version ?? null,
    form,
    save: (values: DraftValues, version: number | null) => core.directives.saveTask.mutate(draftInput(directive.id, values, draft, version)),
    onSaved: (saved) => {
      void message.success(t('taskForm.saved', { clause: saved.clause }));
      void queryClient.invalidateQueries({ queryKey: coreKeys.directive(directive.id) });
      onDirtyChange(false);
      if (draft) {
        onDone();
      } else {
        form.resetFields();
      }
    },
    reload: async () => {
      if (!draft) return null;
      const fresh = await core.directives.get.query({ id: directive.id });
      const latest = fresh.drafts.find((d) => d.id === draft.id);
      if (!latest) {
        onDone();
        return null;
      }
      queryClient.setQueryData(coreKeys.directive(directive.id), fresh);
      return { version: latest.version, values: { ...valuesOf(latest) } };
    },
  });
  const save = versioned.mutation;

  const leadOf = (values: Partial<DraftValues>): string | null =>
    givenToSeveral({ mode: values.mode ?? 'one', units: values.units }) ? (values.followUpUnitCode ?? null) : values.mode === 'one' ? (values.unit ?? null) : (values.units?.[0] ?? null);

  const unitSelectProps = {
    options: unitSelect.options,
    showSearch: unitSelect.showSearch,
    placeholder: t('taskForm.unitSearch'),
    loading: units === undefined,
    notFoundContent: units === undefined ? t('taskForm.unitsLoading') : undefined,
    popupMatchSelectWidth: false,
    className: 'dondoc-unit-select',
  } as const;

  return (
    <Form<DraftValues>
      key={formName}
      form={form}
      name={formName}
      layout="vertical"
      className="dondoc-task-form"
      initialValues={valuesOf(draft)}
      onFinish={versioned.submit}
      onValuesChange={() => onDirtyChange(true)}
      disabled={save.isPending}
      scrollToFirstError
    >
      {versioned.alerts}

      <div className="dondoc-form-grid">
        <Form.Item
          name="clause"
          label={t('taskForm.clause')}
          extra={t('taskForm.clauseHelp')}
          rules={[
            { required: true, whitespace: true, message: t('taskForm.clauseRequired') },
            { pattern: CLAUSE_PATTERN, message: t('taskForm.clauseFormat') },
            maxTextRule(20),
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="cadence" label={t('taskForm.cadence')}>
          <Select options={CADENCES.map((cadence) => ({ value: cadence, label: labels.cadence(cadence) }))} />
        </Form.Item>
      </div>
      <TaskTextFields />

      <fieldset>
        <legend>{t('taskForm.assignMode')}</legend>
        <Form.Item name="mode">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'one', label: t('taskForm.modeOne') },
              { value: 'list', label: t('taskForm.modeList') },
              { value: 'group', label: t('taskForm.modeGroup') },
            ]}
          />
        </Form.Item>
        {mode === 'one' ? (
          <Form.Item name="unit" label={t('taskForm.unit')} rules={[{ required: true, message: t('taskForm.unitRequired') }]}>
            <Select<string> {...unitSelectProps} allowClear />
          </Form.Item>
        ) : null}
        {mode === 'list' ? (
          <Form.Item
            name="units"
            label={t('taskForm.units')}
            extra={t('taskForm.unitsHelp')}
            rules={[{ required: true, type: 'array', min: 1, message: t('taskForm.unitsRequired') }]}
          >
            <Select<string[]> {...unitSelectProps} mode="multiple" allowClear />
          </Form.Item>
        ) : null}
        {mode === 'group' ? (
          <Form.Item name="group" label={t('taskForm.group')} extra={t('taskForm.unitsHelp')}>
            <Radio.Group
              options={UNIT_GROUPS.map((group) => ({
                value: group,
                label: units ? `${groupLabel(group)} (${t('taskForm.groupCount', { count: unitSelect.count[group] })})` : groupLabel(group),
              }))}
            />
          </Form.Item>
        ) : null}
        {several ? (
          <Form.Item name="followUpUnitCode" label={t('taskForm.followUp')} extra={t('taskForm.followUpHelp')}>
            <Select<string> {...unitSelectProps} allowClear />
          </Form.Item>
        ) : null}
        <Form.Item
          name="coordinatorUnitCodes"
          label={t('taskForm.coordinators')}
          dependencies={['mode', 'unit', 'units', 'followUpUnitCode']}
          rules={[
            ({ getFieldsValue }) => ({
              validator: (_, value: string[] | undefined) => {
                const lead = leadOf(getFieldsValue(true) as DraftValues);
                return lead && (value ?? []).includes(lead)
                  ? Promise.reject(new Error(t('taskForm.leadNotCoordinator', { unit: nameOf(lead) })))
                  : Promise.resolve();
              },
            }),
          ]}
        >
          <Select<string[]> {...unitSelectProps} mode="multiple" allowClear />
        </Form.Item>
      </fieldset>

      <div className="dondoc-form-grid">
        <Form.Item
          name="deadline"
          label={t('taskForm.deadline')}
          dependencies={['continuous']}
          rules={[
            typedDateRule(),
            ({ getFieldValue }) => ({
              validator: (_, value: Dayjs | null) => {
                if (getFieldValue('continuous')) return Promise.resolve();
                if (!value) return Promise.reject(new Error(t('taskForm.deadlineRequired')));
                const iso = fromDayjs(value);
                if (iso && iso < directive.issuedOn) return Promise.reject(new Error(t('taskForm.deadlineBefore', { date: formatDate(directive.issuedOn) })));
                return Promise.resolve();
              },
            }),
          ]}
        >
          <DateField placeholder={t('common.datePlaceholder')} disabled={continuous} />
        </Form.Item>
        <Form.Item name="continuous" valuePropName="checked" label={<span aria-hidden>&nbsp;</span>} colon={false}>
          <Checkbox>{t('taskForm.continuous')}</Checkbox>
        </Form.Item>
      </div>

      <fieldset>
        <legend>{t('taskForm.targets')}</legend>
        <Typography.Paragraph type="secondary" className="dondoc-small">
          {t('taskForm.targetsHelp')}
        </Typography.Paragraph>
        <Form.List name="targets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field, index) => (
                <div key={field.key} className="dondoc-target-row" role="group" aria-label={t('taskForm.targetN', { n: index + 1 })}>
                  <div className="dondoc-target-row-head">
                    <span>{t('taskForm.targetN', { n: index + 1 })}</span>
                    <Button
                      size="small"
                      className="dondoc-danger-outline"
                      icon={<DeleteOutlined aria-hidden />}
                      onClick={() => remove(field.name)}
                      aria-label={t('taskForm.removeTarget', { n: index + 1 })}
                    />
                  </div>
                  <Form.Item
                    name={[field.name, 'name']}
                    label={t('taskForm.targetName')}
                    rules={[
                      { required: true, whitespace: true, message: t('taskForm.targetNameRequired') },
                      maxTextRule(300),
                    ]}
                  >
                    <Input />
                  </Form.Item>
                  <div className="dondoc-form-grid">
                    <Form.Item name={[field.name, 'direction']} label={t('taskForm.direction')}>
                      <Select
                        options={[
                          { value: 'at_least', label: t('taskForm.atLeast') },
                          { value: 'at_most', label: t('taskForm.atMost') },
                        ]}
                      />
                    </Form.Item>
                    <Form.Item name={[field.name, 'targetValue']} label={t('taskForm.targetValue')} rules={[{ required: true, message: t('taskForm.targetValueRequired') }]}>
                      <InputNumber decimalSeparator="," />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'measureUnit']}
                      label={t('taskForm.measureUnit')}
                      rules={[
                        { required: true, whitespace: true, message: t('taskForm.measureUnitRequired') },
                        maxTextRule(30),
                      ]}
                    >
                      <Input placeholder={t('taskForm.measureUnitPlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'targetDate']} label={t('taskForm.targetDate')} rules={[typedDateRule(), { required: true, message: t('taskForm.targetDateRequired') }]}>
                      <DateField placeholder={t('common.datePlaceholder')} />
                    </Form.Item>
                    <Form.Item name={[field.name, 'baselineValue']} label={t('taskForm.baselineValue')} rules={[{ required: true, message: t('taskForm.baselineValueRequired') }]}>
                      <InputNumber decimalSeparator="," />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, 'baselineDate']}
                      label={t('taskForm.baselineDate')}
                      dependencies={[['targets', field.name, 'targetDate']]}
                      rules={[
                        typedDateRule(),
                        { required: true, message: t('taskForm.baselineDateRequired') },
                        ({ getFieldValue }) => ({
                          validator: (_, value: Dayjs | null) => {
                            const target = fromDayjs(getFieldValue(['targets', field.name, 'targetDate']) as Dayjs | null);
                            const baseline = fromDayjs(value);
                            return target && baseline && baseline > target ? Promise.reject(new Error(t('taskForm.baselineAfter'))) : Promise.resolve();
                          },
                        }),
                      ]}
                    >
                      <DateField placeholder={t('common.datePlaceholder')} />
                    </Form.Item>
                  </div>
                </div>
              ))}
              <Form.Item>
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() =>
                    add({ name: '', direction: 'at_least', targetValue: null, measureUnit: '', targetDate: toDayjs(fromDayjs(form.getFieldValue('deadline'))), baselineValue: null, baselineDate: null })
                  }
                >
                  {t('taskForm.addTarget')}
                </Button>
              </Form.Item>
            </>
          )}
        </Form.List>
      </fieldset>

      <Space wrap>
        <Button type="primary" htmlType="submit" loading={save.isPending} icon={draft ? undefined : <PlusOutlined aria-hidden />}>
          {draft ? t('taskForm.save') : t('taskForm.add')}
        </Button>
        {draft ? (
          <Button
            onClick={() => {
              onDirtyChange(false);
              onDone();
            }}
          >
            {t('taskForm.cancelEdit')}
          </Button>
        ) : null}
      </Space>
    </Form>
  );
}

/** What the module's pages share: the plan form (proposed from the catalogue, edited from the plans page). */
import { App as AntApp, Form, InputNumber, LimitedText, Modal, Select, useLocale, useT, useVersionedForm } from '@dondoc/ui';
import { ACTION_LABELS, MAX_TEXT_LENGTH, PLAN_ACTIONS, type PlanAction } from '../domain/index.ts';
import { client } from './client.ts';

export interface PlanValues {
  action: PlanAction;
  content: string;
  costBefore: number;
  costAfter: number;
  daysBefore?: number | null;
  daysAfter?: number | null;
}

/** Proposes a plan for a procedure, or edits a proposed or returned one with the version it was opened on. */
export function PlanForm({
  procedure,
  plan,
  onClose,
  onSaved,
}: {
  procedure: { id: string; code: string; name: string; complianceCost: number | null };
  plan: ({ id: string; version: number } & PlanValues) | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const t = useT('van-phong');
  const { locale } = useLocale();
  const { message } = AntApp.useApp();
  const [form] = Form.useForm<PlanValues>();
  const action = Form.useWatch('action', form);
  const versioned = useVersionedForm<PlanValues, { version: number }>({
    version: plan?.version ?? null,
    form,
    save: (values, version) => {
      const fields = {
        action: values.action,
        content: values.content,
        costBefore: values.costBefore,
        costAfter: values.action === 'cut' ? 0 : values.costAfter,
        daysBefore: values.daysBefore ?? null,
        daysAfter: values.daysAfter ?? null,
      };
      return plan ? client.plans.update.mutate({ id: plan.id, version: version ?? plan.version, ...fields }) : client.plans.propose.mutate({ procedureId: procedure.id, ...fields });
    },
    onSaved: () => {
      void message.success(t('common.saved'));
      onSaved();
      onClose();
    },
  });
  return (
    <Modal open title={`${plan ? t('plans.edit') : t('plans.propose')}: ${procedure.code}`} onCancel={onClose} onOk={() => form.submit()} okText={t('common.save')} confirmLoading={versioned.mutation.isPending}>
      <p>{procedure.name}</p>
      {versioned.alerts}
      <Form<PlanValues>
        form={form}
        layout="vertical"
        name="van-phong-plan"
        initialValues={plan ?? { action: 'simplify', costBefore: procedure.complianceCost ?? 0, costAfter: procedure.complianceCost ?? 0 }}
        onFinish={versioned.submit}
      >
        <Form.Item name="action" label={t('plans.action')} rules={[{ required: true }]}>
          <Select options={PLAN_ACTIONS.map((value) => ({ value, label: ACTION_LABELS[value][locale] }))} />
        </Form.Item>
        <Form.Item name="content" label={t('plans.content')} rules={[{ required: true, whitespace: true }]}>
          <LimitedText max={MAX_TEXT_LENGTH} rows={3} />
        </Form.Item>
        <Form.Item name="costBefore" label={t('plans.costBefore')} rules={[{ required: true }]}>
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        {action === 'cut' ? null : (
          <Form.Item name="costAfter" label={t('plans.costAfter')} rules={[{ required: true }]}>
            <InputNumber min={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="daysBefore" label={t('plans.daysBefore')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="daysAfter" label={t('plans.daysAfter')}>
          <InputNumber min={0} precision={0} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** The editor of a scheme (new, or an edit of a stored one at its version): a dialog with the scheme's fields, checked as the server checks them. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Form, FormDialog, fromDayjs, Input, InputNumber, Select, toDayjs, typedDateRule, useLocale, useSession, useT } from '@dondoc/ui';
import { DateField } from '@dondoc/ui/date-picker';
import type { Dayjs } from 'dayjs';
import { DEFAULT_BEHIND_MARGIN, SCHEME_STATUSES } from '../domain/schemes.ts';
import { client, queries, type SchemeDetail } from './client.ts';
import { STATUS_LABELS } from './labels.ts';
import './i18n.ts';

interface Values {
  name: string;
  unitCode?: string;
  decisionNumber: string;
  decisionDate: Dayjs;
  startOn: Dayjs;
  endOn: Dayjs;
  status: SchemeDetail['status'];
  budgetAllocated: number;
  budgetDisbursed: number;
  beneficiaryTarget: number | null;
  beneficiaryActual: number | null;
  beneficiaryLabel: string;
  marginPct: number | null;
  note: string | null;
}

export function SchemeEditor({ open, onClose, scheme, onSaved }: { open: boolean; onClose: () => void; scheme?: SchemeDetail; onSaved?: () => void }) {
  const t = useT('khdt');
  const { locale } = useLocale();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const save = useMutation({
    mutationFn: (values: Values) => {
      const fields = {
        ...values,
        decisionDate: fromDayjs(values.decisionDate)!,
        startOn: fromDayjs(values.startOn)!,
        endOn: fromDayjs(values.endOn)!,
        beneficiaryTarget: values.beneficiaryTarget ?? null,
        beneficiaryActual: values.beneficiaryActual ?? null,
        marginPct: values.marginPct ?? null,
        note: values.note ?? null,
      };
      const { unitCode, ...rest } = fields;
      return scheme ? client.schemes.update.mutate({ ...rest, id: scheme.id, version: scheme.version }) : client.schemes.create.mutate({ ...rest, ...(unitCode ? { unitCode } : {}) });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries(queries.pathFilter());
      onSaved?.();
      onClose();
    },
  });
  const required = (what: string) => [{ required: true, message: t('scheme.required', { what: what.toLocaleLowerCase(locale) }) }];
  const day = (key: 'decisionDate' | 'startOn' | 'endOn') => (
    <Form.Item name={key} label={t(`scheme.${key}`)} rules={[...required(t(`scheme.${key}`)), typedDateRule()]}>
      <DateField />
    </Form.Item>
  );
  return (
    <FormDialog<Values>
      open={open}
      name="khdt-scheme"
      title={scheme ? t('edit') : t('schemes.add')}
      okText={t('save')}
      action={save}
      onSubmit={(values) => save.mutate(values)}
      onClose={onClose}
      initialValues={
        scheme
          ? { ...scheme, decisionDate: toDayjs(scheme.decisionDate)!, startOn: toDayjs(scheme.startOn)!, endOn: toDayjs(scheme.endOn)! }
          : { status: 'in_progress', budgetAllocated: 0, budgetDisbursed: 0, beneficiaryLabel: 'doanh nghiệp', unitCode: user?.unit?.code ?? '' }
      }
    >
      <Form.Item name="name" label={t('scheme.name')} rules={required(t('scheme.name'))}>
        <Input.TextArea autoSize maxLength={500} />
      </Form.Item>
      {scheme ? null : (
        <Form.Item name="unitCode" label={t('scheme.unitCode')}>
          <Input maxLength={30} />
        </Form.Item>
      )}
      <Form.Item name="decisionNumber" label={t('scheme.decisionNumber')} rules={required(t('scheme.decisionNumber'))}>
        <Input maxLength={100} />
      </Form.Item>
      {day('decisionDate')}
      {day('startOn')}
      {day('endOn')}
      <Form.Item name="status" label={t('status')}>
        <Select options={SCHEME_STATUSES.map((value) => ({ value, label: STATUS_LABELS[value][locale] }))} />
      </Form.Item>
      <Form.Item name="budgetAllocated" label={t('scheme.budgetAllocated')} rules={required(t('scheme.budgetAllocated'))}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="budgetDisbursed" label={t('scheme.budgetDisbursed')} rules={required(t('scheme.budgetDisbursed'))}>
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="beneficiaryTarget" label={t('scheme.beneficiaryTarget')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="beneficiaryActual" label={t('scheme.beneficiaryActual')}>
        <InputNumber min={0} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="beneficiaryLabel" label={t('scheme.beneficiaryLabel')}>
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item name="marginPct" label={t('scheme.marginPct')} extra={t('scheme.marginHelp', { margin: DEFAULT_BEHIND_MARGIN })}>
        <InputNumber min={0} max={100} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="note" label={t('scheme.note')}>
        <Input.TextArea autoSize maxLength={5000} />
      </Form.Item>
    </FormDialog>
  );
}

import type { ReactNode } from 'react';
import { Alert, Form, Modal } from 'antd';
import { errorMessage } from './errors.ts';
import { useT } from './i18n.ts';

export interface FormDialogProps<TValues> {
  open: boolean;
  title: ReactNode;
  /** The confirming button's text ("Phê duyệt", "Trả lại"…). */
  okText: string;
  /** The form's name (its fields' ids start with it). */
  name: string;
  /** What the dialog sends: its pending state, its error (shown in the dialog), its reset. */
  action: { isPending: boolean; isError: boolean; error: unknown; reset: () => void };
  /** Called with the checked values of the fields. */
  onSubmit: (values: TValues) => void;
  /** "Đóng" (and Escape): closes, forgetting the error. */
  onClose: () => void;
  /** Shown above the fields (what the action does, warnings). */
  intro?: ReactNode;
  /** The form's fields (`Form.Item`s). */
  children?: ReactNode;
  /** The fields' values when the dialog opens. */
  initialValues?: Partial<TValues>;
}

/** A confirmation dialog with a short form (a note, a reason): checks the fields, sends, shows a refusal in place. */
export function FormDialog<TValues>({ open, title, okText, name, action, onSubmit, onClose, intro, children, initialValues }: FormDialogProps<TValues>) {
  const t = useT();
  const [form] = Form.useForm<TValues>();
  return (
    <Modal
      open={open}
      title={title}
      okText={okText}
      cancelText={t('common.close')}
      confirmLoading={action.isPending}
      onCancel={() => {
        action.reset();
        onClose();
      }}
      onOk={() => void form.validateFields().then(onSubmit, () => undefined)}
      destroyOnHidden
    >
      {intro}
      <Form form={form} layout="vertical" name={name} preserve={false} initialValues={initialValues}>
        {children}
      </Form>
      {action.isError ? <Alert role="alert" type="error" showIcon title={errorMessage(action.error)} /> : null}
    </Modal>
  );
}

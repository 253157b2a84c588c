/**
 * The module's editors of one row (a feature, a connection, an incident, a finding, the settings):
 * a dialog whose form is saved with the version it was opened on (the kit's `useVersionedForm`: a
 * stale save shows who changed the row, with "Tải lại").
 */
import type { ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { App as AntApp, Form, Modal, useT, useVersionedForm } from '@dondoc/ui';
import { queries } from './client.ts';

export interface EditDialogProps<TValues> {
  title: string;
  /** The form's name (its fields' ids start with it). */
  name: string;
  /** The row's version (null: a new row). */
  version: number | null;
  initialValues: Partial<TValues>;
  save: (values: TValues, version: number | null) => Promise<{ version: number }>;
  onClose: () => void;
  children: ReactNode;
}

export function EditDialog<TValues>({ title, name, version, initialValues, save, onClose, children }: EditDialogProps<TValues>) {
  const t = useT('tttt');
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TValues>();
  const versioned = useVersionedForm<TValues, { version: number }, number | null>({
    version,
    form,
    save,
    onSaved: () => {
      void message.success(t('saved'));
      void queryClient.invalidateQueries(queries.pathFilter());
      onClose();
    },
  });
  return (
    <Modal open title={title} onCancel={onClose} onOk={() => form.submit()} okText={t('save')} cancelText={t('close')} confirmLoading={versioned.mutation.isPending}>
      {versioned.alerts}
      <Form<TValues> form={form} layout="vertical" name={name} initialValues={initialValues} onFinish={versioned.submit}>
        {children}
      </Form>
    </Modal>
  );
}

import { Form } from 'antd';
import { LimitedText, maxTextRule, useT } from '@dondoc/ui';

/** A task's title and content, as the draft form and the adjustment of an issued task both ask for them (same limits as the server). */
export function TaskTextFields() {
  const t = useT('shell');
  return (
    <>
      <Form.Item
        name="title"
        label={t('taskForm.title')}
        rules={[
          { required: true, whitespace: true, message: t('taskForm.titleRequired') },
          maxTextRule(500),
        ]}
      >
        <LimitedText autoSize={{ minRows: 1, maxRows: 4 }} max={500} />
      </Form.Item>
      <Form.Item name="content" label={t('taskForm.content')} rules={[maxTextRule(20_000)]}>
        <LimitedText autoSize={{ minRows: 3, maxRows: 12 }} max={20_000} />
      </Form.Item>
    </>
  );
}

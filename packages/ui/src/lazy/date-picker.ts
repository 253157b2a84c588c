/**
 * `@dondoc/ui/date-picker`: the date inputs (antd's DatePicker, ≈ 32 KB gzip with its calendar
 * code, and the forms' `DateField`). Its own federation singleton, so that a page without a date
 * input never downloads it; the rules and messages of date fields (`typedDateRule`, …) stay in
 * `@dondoc/ui`.
 */
export { DatePicker } from 'antd';
export type { DatePickerProps } from 'antd';
export { DateField } from '../DateField.tsx';
export type { DateFieldProps } from '../DateField.tsx';

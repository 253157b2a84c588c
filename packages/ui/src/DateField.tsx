import { useRef, useState } from 'react';
import { DatePicker, type DatePickerProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { DATE_FORMAT, fromDayjs, parseTypedDate, toDayjs, TYPED_DATE_FORMATS } from './dates.ts';
import { refusedDate, typedTexts } from './fields.tsx';

/**
 * The one date input of the forms: antd's DatePicker showing dd/mm/yyyy, reading what people type
 * (30/11/2026, 1/2/2026, 30.11.2026, 2026-11-30: `parseTypedDate`). A text that is no day
 * (31/11/2026, "abc") stays in the field and its value becomes a refused date, so the `Form.Item`'s
 * `typedDateRule()` shows why and the form does not save — never an empty field in its place.
 */
export type DateFieldProps = Omit<DatePickerProps, 'format' | 'picker' | 'multiple' | 'value' | 'defaultValue' | 'onChange' | 'onOk'> & {
  value?: Dayjs | null;
  onChange?: (date: Dayjs | null, text: string) => void;
};

export function DateField({ value, onChange, onBlur, ...props }: DateFieldProps) {
  const lastDay = useRef<Dayjs | null>(null);
  // Bumped to show a day typed in another form (2026-11-30) as dd/mm/yyyy once the field is left.
  const [shown, setShown] = useState(0);
  const refused = dayjs.isDayjs(value) && !value.isValid();
  if (!refused) lastDay.current = value ?? null;
  return (
    <DatePicker
      key={shown}
      {...props}
      format={TYPED_DATE_FORMATS}
      preserveInvalidOnBlur
      // A refused text keeps the picker on the last day it had, so the typed text stays on screen.
      value={refused ? lastDay.current : value}
      onChange={(date, text) => onChange?.(date, typeof text === 'string' ? text : '')}
      onBlur={(event, info) => {
        const text = (event.target as HTMLInputElement).value ?? '';
        const parsed = parseTypedDate(text);
        if ('iso' in parsed) {
          const day = toDayjs(parsed.iso);
          if (refused || parsed.iso !== fromDayjs(value)) onChange?.(day, text);
          if (day && text.trim() !== day.format(DATE_FORMAT)) setShown((n) => n + 1);
        } else if (!refused || typedTexts.get(value as Dayjs)?.text !== text) {
          onChange?.(refusedDate(text, parsed), text);
        }
        onBlur?.(event, info);
      }}
    />
  );
}

import type { ReactNode } from 'react';
import { Tag } from 'antd';
import { useLocale } from './i18n.ts';
import { colorOf } from './palette.ts';

export interface StatusTagProps<TValue extends string> {
  value: TValue;
  /** The value's label in each language (a module's or the core's label record). */
  labels: Readonly<Record<TValue, { vi: string; en: string }>>;
  /** The value's colour, of the palette (`TAG_COLORS`); grey for a value without one, antd's 'default' allowed. */
  colors: Readonly<Partial<Record<TValue, string>>>;
  icon?: ReactNode;
  'data-testid'?: string;
}

/** A status as a tag: its label in the interface language, in its colour of the one palette. */
export function StatusTag<TValue extends string>({ value, labels, colors, icon, 'data-testid': testId }: StatusTagProps<TValue>) {
  const { locale } = useLocale();
  return (
    <Tag color={colorOf(colors as Record<string, string>, value)} icon={icon} className="dondoc-tag" data-testid={testId}>
      {labels[value]?.[locale] ?? value}
    </Tag>
  );
}

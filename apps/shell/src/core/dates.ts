// The date-picker helpers live in @dondoc/ui; core/periods.ts still imports todayIso from here.
export { todayIso } from '@dondoc/ui';

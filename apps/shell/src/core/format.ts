// The formats live in @dondoc/ui; core/upload.ts still imports formatBytes from here.
export { formatBytes } from '@dondoc/ui';

/**
 * @dondoc/ui — the design system, i18n and session context shared by the shell and every
 * department module (a federation singleton: one instance per page).
 */
export { DondocProvider, createDondocQueryClient, dondocTheme } from './provider.tsx';
export type { DondocProviderProps } from './provider.tsx';
export {
  i18n,
  useLocale,
  useT,
  getLocale,
  setLocale,
  addResources,
  missingKeys,
  isLocale,
  locales,
  defaultLocale,
  LOCALE_STORAGE_KEY,
  LOCALE_HEADER,
} from './i18n.ts';
export type { Locale, ResourceTree } from './i18n.ts';
export { SessionProvider, useSession } from './session.tsx';
export type { Session, SessionUser, PluginInfo, PluginStatus } from './session.tsx';
export { createModuleClient, moduleTrpcUrl } from './trpc.ts';
export { apiFetch, dondocHeaders, HttpError, statusMessage } from './http.ts';
export type { ApiRequest } from './http.ts';
export { errorMessage, isUnauthorized } from './errors.ts';
export { ErrorPanel } from './ErrorPanel.tsx';
export type { ErrorPanelProps } from './ErrorPanel.tsx';
export { formatDate, formatDateTime } from './format.ts';
export { localized } from './localized.ts';

/**
 * @dondoc/ui — the design system, i18n and session context shared by the shell and every
 * department module (a federation singleton: one instance per page). What few pages show is in
 * the entries of `./lazy/` (`@dondoc/ui/date-picker`, `@dondoc/ui/panels`,
 * `@dondoc/ui/spreadsheet-import`), each its own singleton loaded with the first page that
 * imports it.
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
export { createModuleClient, moduleTrpcUrl, uploadForm, uploadWithProgress } from './trpc.ts';
export { apiFetch, dondocHeaders, HttpError, refusalText, statusMessage } from './http.ts';
export type { ApiRequest } from './http.ts';
export { errorMessage, isUnauthorized } from './errors.ts';
export { ErrorPanel } from './ErrorPanel.tsx';
export { DownloadButton } from './DownloadButton.tsx';
export type { ErrorPanelProps } from './ErrorPanel.tsx';
export { formatDate, formatDateTime, formatWait } from './format.ts';
export { FilePicker, type FilePickerProps } from './FilePicker.tsx';
export { localized } from './localized.ts';
export { accessOf, permissionsOf, useAccess } from './access.ts';
export type { Access } from './access.ts';
export { documentTitleOf, useDocumentTitle } from './documentTitle.ts';
export { usePrinting } from './print.ts';
export { formatNumber, formatPercent, formatRate, formatBytes, NO_VALUE } from './numbers.ts';
export { TAG_COLORS, FORECAST_COLORS, colorOf, contrastRatio } from './palette.ts';
export type { TagColor } from './palette.ts';
export { modulePath } from './paths.ts';
export { downloadFile, readFileBase64, base64Bytes } from './download.ts';
export type { Base64File } from './download.ts';
export { ConflictAlert, isConflict, trpcCode, keepTyped, useVersionedForm } from './versioned.tsx';
export type { ConflictAlertProps, LatestRow, VersionedForm, VersionedFormOptions } from './versioned.tsx';
export { createModuleQueries, getQueryClient } from './queries.ts';
export type { ModuleQueries } from './queries.ts';
export { PageHeader, NotAllowedPage, Section, useRevealOn } from './layout.tsx';
export type { SectionProps } from './layout.tsx';
export { DATE_FORMAT, hanoiDay, todayIso, toDayjs, fromDayjs, isAfterToday, parseTypedDate, TYPED_DATE_FORMATS, TYPED_DATE_YEARS } from './dates.ts';
export type { TypedDate } from './dates.ts';
export { typedDateRule, typedDateMessage, refusedDateMessage, LimitedText, maxTextRule, tooLongMessage } from './fields.tsx';
export { addTexts, splitTexts } from './texts.ts';
export type { TextPair, TextPairTree } from './texts.ts';
export { FormDialog } from './FormDialog.tsx';
export type { FormDialogProps } from './FormDialog.tsx';
export { StatusTag } from './StatusTag.tsx';
export { FormActions, FormOutcome, firstFailure } from './FormParts.tsx';
export type { ActionState, ConfirmedAction, FormActionsProps, FormOutcomeProps } from './FormParts.tsx';
export { PersonName, personLabel } from './PersonName.tsx';
export type { PersonRef } from './PersonName.tsx';
export type { StatusTagProps } from './StatusTag.tsx';
// antd's components for modules, from the shell's one copy (see antd.ts).
export * from './antd.ts';
// The router for modules, the shell's one copy (see router.ts).
export * from './router.ts';

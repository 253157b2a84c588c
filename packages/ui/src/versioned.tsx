import { useState, type ReactNode } from 'react';
import { useMutation, type UseMutationResult } from '@tanstack/react-query';
import { Alert, App as AntApp, Button } from 'antd';
import type { FormInstance } from 'antd';
import { errorMessage } from './errors.ts';
import { useT } from './i18n.ts';

/** The tRPC error code of a failed request (`CONFLICT`, `FORBIDDEN`…), or null. */
export function trpcCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'TRPCClientError') return null;
  const data = (error as Error & { data?: { code?: unknown } | null }).data;
  return typeof data?.code === 'string' ? data.code : null;
}

/** A stale write: someone changed the row after it was read (the server's message names who). */
export function isConflict(error: unknown): boolean {
  return trpcCode(error) === 'CONFLICT';
}

export interface ConflictAlertProps {
  /** The error of the save: the alert shows only when it is a CONFLICT. */
  error: unknown;
  /** "Tải lại": fetch the latest row, keeping what was typed. */
  onReload: () => void;
  reloading?: boolean;
  className?: string;
}

/** A stale write: the server's message naming who changed the data, and a reload that keeps what was typed. */
export function ConflictAlert({ error, onReload, reloading = false, className }: ConflictAlertProps) {
  const t = useT();
  if (!isConflict(error)) return null;
  return (
    <Alert
      type="warning"
      showIcon
      {...(className ? { className } : {})}
      title={errorMessage(error)}
      description={t('conflict.keep')}
      action={
        <Button onClick={onReload} loading={reloading}>
          {t('conflict.reload')}
        </Button>
      }
    />
  );
}

/** True for a plain object (a nested group of form values), not a date, list or null. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && Object.getPrototypeOf(value) === Object.prototype;
}

/**
 * Puts the latest values into the fields of an antd form that the user has not touched (nested
 * groups field by field); what they typed stays.
 */
export function keepTyped(form: FormInstance, latest: Record<string, unknown>, path: Array<string | number> = []): void {
  for (const [key, value] of Object.entries(latest)) {
    const name = [...path, key];
    if (isPlainObject(value)) keepTyped(form, value, name);
    else if (!form.isFieldTouched(name)) form.setFieldValue(name, value);
  }
}

/** What `reload` found: the row's latest version and, for the form, its latest values. */
export interface LatestRow<TVersion> {
  version: TVersion;
  /** Put into the fields the user has not touched (needs `form`). */
  values?: Record<string, unknown>;
}

export interface VersionedFormOptions<TValues, TSaved, TVersion> {
  /** The version the form was opened on (null for a row that does not exist yet). */
  version: TVersion;
  /** Sends the values with the version they were based on. */
  save: (values: TValues, version: TVersion) => Promise<TSaved>;
  /** After a successful save (the version has moved on already). */
  onSaved?: (saved: TSaved, values: TValues) => void;
  /** After a failed one (the conflict is shown by the hook). */
  onError?: (error: unknown, values: TValues) => void;
  /** The version a save answers; by default its `version` field. */
  versionOf?: (saved: TSaved) => TVersion;
  /** Fetches the latest row for "Tải lại" (null: it is gone, nothing to do). */
  reload?: () => Promise<LatestRow<TVersion> | null | undefined>;
  /** The antd form whose untouched fields take the latest values on reload. */
  form?: FormInstance;
}

export interface VersionedForm<TValues, TSaved, TVersion> {
  /** The version the next save is based on: the one opened, moved only by a save or a reload. */
  version: TVersion;
  setVersion: (version: TVersion) => void;
  /** Saves (the mutation: `isPending`, `error`, `variables`…). */
  mutation: UseMutationResult<TSaved, unknown, TValues>;
  submit: (values: TValues) => void;
  /** The last save was refused as stale. */
  conflict: boolean;
  /** Fetches the latest row, keeps what was typed, moves the version on. */
  reload: () => Promise<void>;
  reloading: boolean;
  /** The form was just reloaded over a conflict. */
  reloaded: boolean;
  /** The conflict (with its reload), the "reloaded, your fields kept" note and any other save error. */
  alerts: ReactNode;
}

function defaultVersionOf<TSaved, TVersion>(saved: TSaved): TVersion {
  return (saved as { version?: TVersion } | null)?.version as TVersion;
}

/**
 * The versioned-form pattern of every editor of a shared row: keep the version the form was
 * opened on and send it; a stale save (CONFLICT) shows who changed the row with "Tải lại",
 * which takes the new version and the values of the fields the user did not touch, keeping
 * what they typed. Render `alerts` above the form's fields.
 */
export function useVersionedForm<TValues, TSaved, TVersion = number | null>(
  options: VersionedFormOptions<TValues, TSaved, TVersion>,
): VersionedForm<TValues, TSaved, TVersion> {
  const t = useT();
  const { message } = AntApp.useApp();
  const [version, setVersion] = useState<TVersion>(options.version);
  const [reloaded, setReloaded] = useState(false);
  const [reloading, setReloading] = useState(false);
  const mutation = useMutation<TSaved, unknown, TValues>({
    mutationFn: (values) => options.save(values, version),
    onMutate: () => setReloaded(false),
    onSuccess: (saved, values) => {
      setVersion((options.versionOf ?? defaultVersionOf<TSaved, TVersion>)(saved));
      options.onSaved?.(saved, values);
    },
    onError: (error, values) => options.onError?.(error, values),
  });
  const conflict = mutation.isError && isConflict(mutation.error);

  const reload = async () => {
    if (!options.reload) return;
    setReloading(true);
    try {
      const latest = await options.reload();
      if (!latest) return;
      if (latest.values && options.form) keepTyped(options.form, latest.values);
      setVersion(latest.version);
      setReloaded(true);
      mutation.reset();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setReloading(false);
    }
  };

  const alerts = (
    <>
      <ConflictAlert className="dondoc-gap" error={mutation.error} onReload={() => void reload()} reloading={reloading} />
      {reloaded ? <Alert type="info" showIcon className="dondoc-gap" title={t('conflict.reloaded')} /> : null}
      {mutation.isError && !conflict ? <Alert type="error" showIcon className="dondoc-gap" title={errorMessage(mutation.error)} /> : null}
    </>
  );
  return { version, setVersion, mutation, submit: (values) => mutation.mutate(values), conflict, reload, reloading, reloaded, alerts };
}

/**
 * The module's tRPC client (typed by `import type` of its own router: no server code reaches
 * the browser), its query keys, and small browser helpers.
 */
import { createModuleClient } from '@dondoc/ui';
import type { inferRouterOutputs } from '@trpc/server';
import type { TaiChinhRouter } from '../server/router.ts';

export const client = createModuleClient<TaiChinhRouter>('tai-chinh');

export type Outputs = inferRouterOutputs<TaiChinhRouter>;
export type Access = Outputs['access'];
export type UnitView = Outputs['units']['get'];
export type YearView = UnitView['years'][number];
export type Consolidation = Outputs['consolidation']['summary'];
export type TargetView = Outputs['consolidation']['target'];
export type ImportResult = Outputs['units']['import'];

/** Every query key starts with the module id, so one invalidation refreshes the module. */
export const keys = {
  all: ['tai-chinh'] as const,
  access: ['tai-chinh', 'access'] as const,
  units: (input: object) => ['tai-chinh', 'units', input] as const,
  unit: (id: string) => ['tai-chinh', 'unit', id] as const,
  summary: (year: number | undefined) => ['tai-chinh', 'summary', year ?? null] as const,
  target: ['tai-chinh', 'target'] as const,
};

/** The module's path in the shell. */
export const modulePath = (sub = '') => `/m/tai-chinh/${sub}`;

/** Saves a file answered as base64 (an xlsx) through the browser's download. */
export function downloadBase64(file: { fileName: string; mimeType: string; contentBase64: string }): void {
  const binary = atob(file.contentBase64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.fileName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A local file as base64 (without the `data:` prefix). */
export function readFileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.onload = () => {
      const result = String(reader.result ?? '');
      resolve(result.slice(result.indexOf(',') + 1));
    };
    reader.readAsDataURL(file);
  });
}

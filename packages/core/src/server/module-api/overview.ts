/**
 * `core.overview`: the coordinators' overview as a module reads it — the figures of
 * `overview.summary` (counts by status per unit and in total, completion rates, ranks, targets
 * by forecast class) and the targets with their forecasts, as of a date. A module that
 * consolidates for the UBND (noi-vu's periodic CCHC report) writes the very figures the
 * overview shows. Access under the module's `permission` (default `core.overview:read`).
 */
import { z } from 'zod';
import { isIsoDate, type IsoDate } from '../../domain/index.ts';
import { overviewSummary } from '../overview.ts';
import { listTargets } from '../targets.ts';
import { accessOf, parse, queryable, type Bound } from './binding.ts';

const isoDate = z.string().refine(isIsoDate, 'YYYY-MM-DD');
const options = z.object({ permission: z.string().max(200).optional() });

export function moduleOverview(b: Bound) {
  return {
    /** `overview.summary` as of `asOf` (default today), for the caller's reach under `permission`. */
    async summary(asOf?: string, raw: z.input<typeof options> = {}): ReturnType<typeof overviewSummary> {
      const input = parse(b, options, raw);
      const access = accessOf(b, input.permission, 'core.overview:read');
      const date = (asOf === undefined ? b.today() : parse(b, isoDate, asOf)) as IsoDate;
      return overviewSummary(queryable(b), access, date, b.today());
    },
    /** Every target with its forecast as of `asOf` (default today), as the overview lists them. */
    async targets(asOf?: string, raw: z.input<typeof options> = {}): ReturnType<typeof listTargets> {
      const input = parse(b, options, raw);
      accessOf(b, input.permission, 'core.overview:read');
      const date = (asOf === undefined ? b.today() : parse(b, isoDate, asOf)) as IsoDate;
      return listTargets(queryable(b), date);
    },
  };
}

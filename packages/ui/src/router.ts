/**
 * The router a department module uses, re-exported so that it is the shell's one copy (its
 * context holds the module's routes under `/m/<id>/`). react-router is not a federation
 * singleton: shared whole it cost ≈ 50 KB gzip more than what the shell and the modules use.
 * A module imports these from `@dondoc/ui`, never from `react-router` (`tools/check-deps.mjs`).
 */
export { Link, NavLink, Navigate, Outlet, useLocation, useMatch, useNavigate, useParams, useSearchParams } from 'react-router';
export type { LinkProps, NavigateFunction, NavLinkProps } from 'react-router';

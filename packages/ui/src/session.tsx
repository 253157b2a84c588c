import { createContext, useContext, useMemo, type ReactNode } from 'react';

/** The signed-in user, as `GET /api/auth/me` answers it in `user`. */
export interface SessionUser {
  username: string;
  displayName: string;
  unit: { code: string; name: string; kind?: string } | null;
  roles: string[];
  /** The permission keys the user holds (`<id>.<resource>:<action>`); see `useAccess()`. */
  permissions: string[];
}

export type PluginStatus = 'ready' | 'failed';

/** A module this user may open, as listed by `GET /api/plugins`. */
export interface PluginInfo {
  id: string;
  /** The module's display name (Vietnamese), e.g. "Sở Tài chính". */
  name: string;
  unitCode: string;
  version: string;
  /** URL of the module's `mf-manifest.json` (or `remoteEntry.js`); null when it has no web build. */
  entry: string | null;
  status: PluginStatus;
}

export interface Session {
  user: SessionUser;
  plugins: PluginInfo[];
  /** Ends the session on the server and returns to the sign-in page. */
  signOut: () => Promise<void>;
}

const SessionContext = createContext<Session | null>(null);

/** Provided by the shell once the user is signed in; modules read it with `useSession()`. */
export function SessionProvider({
  user,
  plugins,
  signOut,
  children,
}: Session & { children?: ReactNode }) {
  const value = useMemo(() => ({ user, plugins, signOut }), [user, plugins, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The signed-in user, the modules they may open, and sign-out. Only inside the shell's layout. */
export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession() is used outside <SessionProvider>: only signed-in pages have a session');
  return session;
}

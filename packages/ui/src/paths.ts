/** The shell's path of a module's page: `modulePath('tai-chinh', 'tong-hop')` → `/m/tai-chinh/tong-hop`. */
export function modulePath(moduleId: string, sub = ''): string {
  return `/m/${moduleId}/${sub.replace(/^\/+/, '')}`;
}

/**
 * The Module Federation container name of a module id (`tai-chinh` → `tai_chinh`). Same rule as
 * `federationName` of `@dondoc/plugin-sdk/vite`, which names the module's build (a test checks
 * they agree); kept here because that file is build-time (Node) code.
 */
export function federationName(id: string): string {
  return id.replaceAll('-', '_');
}

{
  "name": "@dondoc/plugin-__PLUGIN_ID__",
  "version": "0.1.0",
  "private": true,
  "description": "__PLUGIN_NAME__",
  "type": "module",
  "exports": {
    ".": "./src/server/plugin.ts",
    "./domain": "./src/domain/index.ts"
  },
  "scripts": {
    "build": "vite build --configLoader runner",
    "typecheck": "tsc --noEmit -p .",
    "test": "vitest run --configLoader runner",
    "db:generate": "drizzle-kit generate",
    "release": "node --import tsx ./node_modules/@dondoc/plugin-sdk/src/release-cli.ts ."
  },
  "dependencies": {
    "@dondoc/plugin-sdk": "workspace:*",
    "@dondoc/trpc": "workspace:*",
    "@dondoc/ui": "workspace:*",
    "@tanstack/react-query": "catalog:",
    "@trpc/client": "catalog:",
    "@trpc/server": "catalog:",
    "dayjs": "catalog:",
    "drizzle-orm": "catalog:",
    "exceljs": "catalog:",
    "react": "catalog:",
    "react-dom": "catalog:",
    "zod": "catalog:"
  },
  "devDependencies": {
    "@module-federation/vite": "catalog:",
    "@types/node": "catalog:",
    "@types/react": "catalog:",
    "@types/react-dom": "catalog:",
    "@vitejs/plugin-react": "catalog:",
    "axe-core": "catalog:",
    "drizzle-kit": "catalog:",
    "playwright-core": "catalog:",
    "tsx": "catalog:",
    "typescript": "catalog:",
    "vite": "catalog:",
    "vitest": "catalog:"
  }
}

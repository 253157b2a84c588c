// Each command imports what it needs when it runs: `pnpm dondoc plugin:list` loads no database driver.
const platform = () => import('./runtime.ts');

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  'plugin:new': {
    summary: 'Tạo mô-đun đơn vị mới trên bộ công cụ (scaffold a department module): plugin:new <id> --unit <mã> --name "<tên>"',
    run: async (args) => (await import('./plugin-new.ts')).runPluginNew(args),
  },
  'plugin:pack': {
    summary: 'Đóng gói mô-đun thành một tệp phát hành (build a module into its release tarball): plugin:pack <thư mục> [--out <thư mục>]',
    run: async (args) => (await import('./plugin-release.ts')).runPluginPack(args),
  },
  'plugin:install': {
    summary: 'Cài hoặc nâng cấp mô-đun từ tệp phát hành (install or upgrade from a tarball): plugin:install <tệp .dondoc.tgz> [--sha256 <hex>]',
    run: async (args) => (await import('./plugin-release.ts')).runPluginInstall(args),
  },
  'plugin:list': {
    summary: 'Liệt kê mô-đun: phiên bản, trạng thái, tương thích SDK (list modules: version, status, SDK compatibility): plugin:list [--json]',
    run: async (args) => (await import('./plugin-release.ts')).runPluginList(args),
  },
  'plugin:rollback': {
    summary: 'Quay lại phiên bản trước của mô-đun (back to the previous version): plugin:rollback <id> [--force]',
    run: async (args) => (await import('./plugin-release.ts')).runPluginRollback(args),
  },
  'plugin:remove': {
    summary: 'Gỡ mô-đun, giữ dữ liệu trừ khi --drop-data (remove a module, its data kept unless --drop-data): plugin:remove <id> [--drop-data]',
    run: async (args) => (await import('./plugin-release.ts')).runPluginRemove(args),
  },
  'directive:import': {
    summary: 'Đọc văn bản chỉ đạo, dự thảo nhiệm vụ (read a directive, draft its tasks): directive:import <tệp .md|.txt|.docx> --dry-run [--json] | --as <tài khoản>',
    run: async (args) => (await import('./directive-import.ts')).runDirectiveImport(args),
  },
  start: {
    summary: 'Chạy cổng thông tin (serve the portal)',
    run: async () => {
      await (await import('./main.ts')).main();
      return -1; // keeps running
    },
  },
  'db:migrate': {
    summary: 'Áp dụng migration của nền tảng và các mô-đun đã cài (apply migrations of the platform and installed modules)',
    run: async () => {
      const [{ boot }, { loadEnv }, { createLogger }, { migrationHistory }] = await Promise.all([platform(), import('./env.ts'), import('./logger.ts'), import('@dondoc/db')]);
      const env = { ...loadEnv(), demo: false };
      const runtime = await boot(env, { log: createLogger('warn'), owner: 'pnpm dondoc db:migrate' });
      const history = await migrationHistory(runtime.database.db);
      for (const entry of history) process.stdout.write(`${entry.module}\t${entry.tag}\t${entry.appliedAt.toISOString()}\n`);
      const failed = runtime.plugins.filter((p) => p.status === 'failed');
      for (const plugin of failed) process.stderr.write(`plugin ${plugin.id} failed: ${plugin.error}\n`);
      await runtime.close();
      return failed.length > 0 ? 1 : 0;
    },
  },
  'db:status': {
    summary: 'Liệt kê migration đã áp dụng (list applied migrations)',
    run: async () => {
      const [{ loadEnv }, { migrate, migrationHistory, openDatabase }] = await Promise.all([import('./env.ts'), import('@dondoc/db')]);
      const env = loadEnv();
      const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'pnpm dondoc db:status' });
      await migrate(database.db, []);
      for (const entry of await migrationHistory(database.db)) {
        process.stdout.write(`${entry.module}\t${entry.tag}\t${entry.appliedAt.toISOString()}\n`);
      }
      await database.close();
      return 0;
    },
  },
  'seed:demo': {
    summary: 'Nạp dữ liệu mẫu: đơn vị, tài khoản, văn bản 2458 (seed demo units, accounts, directive 2458)',
    run: async () => {
      const [{ platformMigrations }, { loadEnv }, { migrate, openDatabase }, { seedDemoDirectory }, { seedDemoProgress2458, seedDirective2458 }] = await Promise.all([
        platform(),
        import('./env.ts'),
        import('@dondoc/db'),
        import('@dondoc/auth'),
        import('@dondoc/core/server'),
      ]);
      const env = loadEnv();
      const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'pnpm dondoc seed:demo' });
      await migrate(database.db, platformMigrations);
      const directory = await seedDemoDirectory(database.db);
      const directive = await seedDirective2458(database.db);
      const progress = directive.created ? await seedDemoProgress2458(database.db) : { updated: 0 };
      process.stdout.write(`${JSON.stringify({ ...directory, directive, progress })}\n`);
      await database.close();
      return 0;
    },
  },
  'seed:scale': {
    summary:
      'Sinh dữ liệu quy mô thành phố để đo hiệu năng (city-scale data for benchmarks): --units 600 --tasks 100000 --reports 300000 --measurements 50000 --seed 1 [--as-of YYYY-MM-DD --accounts N --drafts N]',
    run: async (args) => {
      const [{ platformMigrations }, { loadEnv }, { migrate, openDatabase }, { today }, { parseScaleArgs, seedScale, stderrProgress }] = await Promise.all([
        platform(),
        import('./env.ts'),
        import('@dondoc/db'),
        import('@dondoc/core/server'),
        import('./scale-seed.ts'),
      ]);
      const options = parseScaleArgs(args);
      const env = loadEnv();
      const database = await openDatabase({ url: env.databaseUrl, dataDir: env.dataDir, owner: 'pnpm dondoc seed:scale' });
      try {
        await migrate(database.db, platformMigrations);
        const result = await seedScale(database.db, { ...options, asOf: options.asOf ?? today(), onProgress: stderrProgress() });
        process.stdout.write(`${JSON.stringify(result)}\n`);
      } finally {
        await database.close();
      }
      return 0;
    },
  },
};

function help(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`);
  return `Cách dùng (usage): pnpm dondoc <lệnh> [tham số]\n\nLệnh (commands):\n${lines.join('\n')}\n\nBiến môi trường: PORT, HOST, DATA_DIR, DATABASE_URL, DONDOC_DEMO, DONDOC_CONFIG, DONDOC_PLUGINS_DIR (xem README).\n`;
}

export async function runCli(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(help());
    return 0;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`Không có lệnh "${name}" (unknown command).\n\n${help()}`);
    return 2;
  }
  return command.run(rest);
}

const code = await runCli(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  return 1;
});
if (code >= 0) process.exit(code);

import { migrate, migrationHistory, openDatabase } from '@dondoc/db';
import { seedDemoDirectory } from '@dondoc/auth';
import { seedDemoProgress2458, seedDirective2458, today } from '@dondoc/core/server';
import { loadEnv } from './env.ts';
import { createLogger } from './logger.ts';
import { main } from './main.ts';
import { boot, platformMigrations } from './runtime.ts';
import { parseScaleArgs, seedScale, stderrProgress } from './scale-seed.ts';
import { runPluginNew } from './plugin-new.ts';

interface Command {
  summary: string;
  run(args: string[]): Promise<number>;
}

const commands: Record<string, Command> = {
  'plugin:new': {
    summary: 'Tạo mô-đun đơn vị mới trên bộ công cụ (scaffold a department module): plugin:new <id> --unit <mã> --name "<tên>"',
    run: (args) => runPluginNew(args),
  },
  start: {
    summary: 'Chạy cổng thông tin (serve the portal)',
    run: async () => {
      await main();
      return -1; // keeps running
    },
  },
  'db:migrate': {
    summary: 'Áp dụng migration của nền tảng và các mô-đun đã cài (apply migrations of the platform and installed modules)',
    run: async () => {
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
  return `Cách dùng (usage): pnpm dondoc <lệnh> [tham số]\n\nLệnh (commands):\n${lines.join('\n')}\n\nBiến môi trường: PORT, HOST, DATA_DIR, DATABASE_URL, DONDOC_DEMO, DONDOC_CONFIG (xem README).\n`;
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

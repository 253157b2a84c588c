import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@dondoc/db/testing';
import { openBrowser, signIn, startPortal, type Browser, type RunningPortal } from '../src/harness.ts';

/** The same portal on the Postgres server (DATABASE_URL), when the test run has one. */
describe.runIf(process.env.TEST_DATABASE_URL)('portal on a Postgres server', () => {
  let database: TestDatabase;
  let portal: RunningPortal;
  let browser: Browser;
  beforeAll(async () => {
    database = await createTestDatabase('postgres');
    portal = await startPortal({ databaseUrl: database.url });
    browser = await openBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await portal?.stop();
    await database?.close();
  });

  it('answers /healthz with db "postgres" and lets ubnd sign in', async () => {
    const health = (await (await fetch(`${portal.url}/healthz`)).json()) as { db: string };
    expect(health.db).toBe('postgres');
    const page = await browser.newPage();
    await signIn(page, portal.url, 'ubnd');
    await page.getByRole('navigation', { name: 'Điều hướng chính' }).waitFor();
    expect(page.url()).not.toContain('/dang-nhap');
    await page.close();
  });
});

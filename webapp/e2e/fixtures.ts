import { test as base, expect, type Browser, type Page } from "@playwright/test";

/** Collects what a page logs as an error; the test fails if there is any. */
function watchConsole(page: Page, errors: string[]) {
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => errors.push(`${page.url()}: ${error.message}`));
}

interface Fixtures {
  /** A fresh browser session (own cookies) for one more person in the story. */
  openBrowser: () => Promise<Page>;
}

export const test = base.extend<Fixtures & { consoleErrors: string[] }>({
  consoleErrors: async ({}, use) => {
    const errors: string[] = [];
    await use(errors);
    expect(errors, "console errors").toEqual([]);
  },
  page: async ({ page, consoleErrors }, use) => {
    watchConsole(page, consoleErrors);
    await use(page);
  },
  openBrowser: async ({ browser, consoleErrors, baseURL }, use) => {
    const opened: Awaited<ReturnType<Browser["newContext"]>>[] = [];
    await use(async () => {
      const context = await browser.newContext({ baseURL });
      opened.push(context);
      const page = await context.newPage();
      watchConsole(page, consoleErrors);
      return page;
    });
    await Promise.all(opened.map((context) => context.close()));
  },
});

export { expect };

/** An address no earlier run used. */
export function uniqueAddress(name: string): string {
  return `${name}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}@example.org`;
}

export const PASSWORD = "correct horse battery staple";

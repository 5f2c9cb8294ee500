import { expect, test } from "./fixtures";

test("GraphiQL at /graphql loads every asset from this server and runs a query", async ({ page, baseURL }) => {
  // Anything elsewhere fails, as it would with no internet access; and it is noted.
  const elsewhere: string[] = [];
  await page.route(
    (url) => !url.href.startsWith(`${baseURL}/`) && url.protocol !== "data:",
    (route) => {
      elsewhere.push(route.request().url());
      return route.abort();
    },
  );

  await page.goto("/graphql");
  const editor = page.locator(".graphiql-query-editor .CodeMirror").first();
  await expect(editor).toBeVisible();
  await editor.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("{ datasets(scope: PUBLIC) { edges { node { id } } } }");
  await page.getByRole("button", { name: /Execute query/ }).click();
  await expect(page.locator(".graphiql-response")).toContainText('"datasets"');
  expect(elsewhere).toEqual([]);
});

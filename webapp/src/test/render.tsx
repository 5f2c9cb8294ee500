import { MockedProvider, type MockedResponse } from "@apollo/client/testing";
import { render } from "@testing-library/react";
import type { DocumentNode } from "graphql";
import type { ReactElement } from "react";
import { MemoryRouter, Route, Routes } from "react-router-dom";
import { createCache } from "../app/apollo";
import { ROUTER_FUTURE } from "../app/router";
import { ViewerQuery } from "../app/session";

export const ALICE = { __typename: "User" as const, id: "VXNlcjox", displayName: "Alice", email: "alice@example.org" };

/** The answer to "who is here": `null` for an anonymous visitor. */
export function viewerMock(me: typeof ALICE | null): MockedResponse {
  return { request: { query: ViewerQuery }, result: { data: { me } }, maxUsageCount: Number.POSITIVE_INFINITY };
}

interface Options {
  mocks?: readonly MockedResponse[];
  route?: string;
  path?: string;
}

/** Render a screen the way the app does: the app's cache rules, a client answering `mocks`, a router. */
export function renderScreen(ui: ReactElement, { mocks = [], route = "/", path = "*" }: Options = {}) {
  return render(
    <MockedProvider mocks={mocks} cache={createCache()}>
      <MemoryRouter initialEntries={[route]} future={ROUTER_FUTURE}>
        <Routes>
          <Route path={path} element={ui} />
          <Route path="*" element={<p>elsewhere</p>} />
        </Routes>
      </MemoryRouter>
    </MockedProvider>,
  );
}

export const noErrors = { errors: [] };

export function userError(message: string, field: string | null, code = "INVALID_INPUT") {
  return { __typename: "UserError" as const, code, message, field };
}

/** The mock that answers `query` with `variables` by `data`. */
export function answer(query: DocumentNode, variables: Record<string, unknown>, data: Record<string, unknown>): MockedResponse {
  return { request: { query, variables }, result: { data } };
}

/** A dataset as a query answers it: its id and type, and the fields a screen asked for. */
export function datasetNode(id: string, fields: Record<string, unknown>) {
  return { __typename: "Dataset", id, name: "Kidney", ...fields };
}

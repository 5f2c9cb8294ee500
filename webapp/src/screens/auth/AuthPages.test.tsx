import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { answer, renderScreen, userError, viewerMock } from "../../test/render";
import { LogInPage } from "./LogInPage";
import { LogInMutation, SignUpMutation, VerifyEmailMutation } from "./operations";
import { SignUpPage } from "./SignUpPage";
import { VerifyEmailPage } from "./VerifyEmailPage";

describe("sign-up", () => {
  it("shows each error at the field it names and keeps what was typed", async () => {
    const input = { displayName: "Alice", email: "alice@example", password: "short" };
    const mocks = [
      {
        request: { query: SignUpMutation, variables: { input } },
        result: {
          data: {
            signUp: {
              __typename: "SignUpPayload",
              errors: [userError("Enter a valid email address.", "email"), userError("Use at least 15 characters.", "password")],
            },
          },
        },
      },
    ];
    renderScreen(<SignUpPage />, { mocks });

    await userEvent.type(screen.getByLabelText("Your name"), "Alice");
    await userEvent.type(screen.getByLabelText("Email address"), "alice@example");
    await userEvent.type(screen.getByLabelText(/^Password/), "short");
    await userEvent.click(screen.getByRole("button", { name: "Sign up" }));

    const email = screen.getByLabelText("Email address");
    expect(await screen.findByText("Enter a valid email address.")).toBeInTheDocument();
    expect(email).toHaveAttribute("aria-invalid", "true");
    expect(email).toHaveAccessibleDescription("Enter a valid email address.");
    expect(screen.getByLabelText(/^Password/)).toHaveAccessibleDescription("Use at least 15 characters.");
    expect(email).toHaveValue("alice@example");
    expect(screen.getByLabelText("Your name")).toHaveValue("Alice");
  });

  it("fills in the invited address and says to check the mailbox", async () => {
    const input = { displayName: "Bob", email: "bob@example.org", password: "correct horse battery staple" };
    const mocks = [{ request: { query: SignUpMutation, variables: { input } }, result: { data: { signUp: { __typename: "SignUpPayload", errors: [] } } } }];
    const next = encodeURIComponent("http://localhost:3000/datasets/RGF0YXNldDox");
    renderScreen(<SignUpPage />, { mocks, route: `/signup?email=bob%40example.org&next=${next}` });

    expect(screen.getByLabelText("Email address")).toHaveValue("bob@example.org");
    await userEvent.type(screen.getByLabelText("Your name"), "Bob");
    await userEvent.type(screen.getByLabelText(/^Password/), "correct horse battery staple");
    await userEvent.click(screen.getByRole("button", { name: "Sign up" }));

    expect(await screen.findByRole("heading", { name: "Check your mailbox" })).toBeInTheDocument();
    expect(screen.getByRole("status")).toHaveTextContent("bob@example.org");
    // The confirmation link, opened in this browser, goes on to the dataset.
    expect(window.localStorage.getItem("datashare:after-confirmation")).toBe("/datasets/RGF0YXNldDox");
  });
});

describe("log-in", () => {
  it("shows wrong credentials as a message for the form, keeping the address", async () => {
    const input = { email: "alice@example.org", password: "wrong password here" };
    const failure = userError("Wrong email address or password.", null, "INVALID_CREDENTIALS");
    const mocks = [
      { request: { query: LogInMutation, variables: { input } }, result: { data: { logIn: { __typename: "AuthPayload", user: null, errors: [failure] } } } },
    ];
    renderScreen(<LogInPage />, { mocks });

    await userEvent.type(screen.getByLabelText("Email address"), input.email);
    await userEvent.type(screen.getByLabelText("Password"), input.password);
    await userEvent.click(screen.getByRole("button", { name: "Log in" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Wrong email address or password.");
    expect(screen.getByLabelText("Email address")).toHaveValue(input.email);
  });
});

describe("the confirmation page", () => {
  it("confirms once, logs in and goes on to where the sign-up was headed", async () => {
    window.localStorage.setItem("datashare:after-confirmation", "/datasets/RGF0YXNldDox");
    const confirmed = {
      __typename: "AuthPayload",
      user: { __typename: "User", id: "VXNlcjoy", displayName: "Bob", email: "bob@example.org" },
      errors: [],
    };
    const mocks = [viewerMock(null), answer(VerifyEmailMutation, { input: { token: "t0ken" } }, { verifyEmail: confirmed })];
    renderScreen(<VerifyEmailPage />, { mocks, route: "/verify-email?token=t0ken", path: "/verify-email" });

    expect(await screen.findByText("elsewhere")).toBeInTheDocument();
    expect(window.localStorage.getItem("datashare:after-confirmation")).toBeNull();
  });

  it("says when a link is spent", async () => {
    const spent = { __typename: "AuthPayload", user: null, errors: [userError("This link is unknown, used or expired.", "token", "INVALID_TOKEN")] };
    const mocks = [viewerMock(null), answer(VerifyEmailMutation, { input: { token: "old" } }, { verifyEmail: spent })];
    renderScreen(<VerifyEmailPage />, { mocks, route: "/verify-email?token=old", path: "/verify-email" });

    expect(await screen.findByRole("alert")).toHaveTextContent("This link is unknown, used or expired.");
    expect(screen.getByRole("link", { name: "Sign up again" })).toBeInTheDocument();
  });
});

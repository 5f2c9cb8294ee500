import { graphql } from "../../gql";

export const SignUpMutation = graphql(`
  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const LogInMutation = graphql(`
  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      user {
        ...ViewerFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const VerifyEmailMutation = graphql(`
  mutation VerifyEmail($input: VerifyEmailInput!) {
    verifyEmail(input: $input) {
      user {
        ...ViewerFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RequestPasswordResetMutation = graphql(`
  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {
    requestPasswordReset(input: $input) {
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input) {
      user {
        ...ViewerFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

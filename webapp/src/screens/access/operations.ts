import { graphql } from "../../gql";

export const AccessDialogQuery = graphql(`
  query AccessDialog($id: ID!) {
    dataset(id: $id) {
      id
      name
      annotatable
      viewerPermissions {
        canSetPublic
      }
      access {
        isPublic
        entries {
          role
          email
          pending
          canShare
          canModify
          viewerCanChange
          expired
          user {
            id
            displayName
          }
          grant {
            id
            invitationSentAt
            invitationExpiresAt
          }
        }
      }
    }
  }
`);

export const UpdateGrantMutation = graphql(`
  mutation UpdateGrant($input: UpdateGrantInput!) {
    updateGrant(input: $input) {
      grant {
        id
        canShare
        canModify
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeAccessMutation = graphql(`
  mutation RevokeAccess($input: RevokeAccessInput!) {
    revokeAccess(input: $input) {
      dataset {
        ...DatasetStatusFields
      }
      revokedGrantIds
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const ResendInvitationMutation = graphql(`
  mutation ResendInvitation($input: ResendInvitationInput!) {
    resendInvitation(input: $input) {
      grant {
        id
        invitationSentAt
        invitationExpiresAt
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

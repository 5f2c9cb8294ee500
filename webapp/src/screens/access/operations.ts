import { graphql } from "../../gql";

/** The access list as the dialog shows it; changes answer it too, so the dialog needs no second trip. */
export const DatasetAccessFields = graphql(`
  fragment DatasetAccessFields on Dataset {
    id
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
        expiresAt
        user {
          id
          displayName
        }
        team {
          id
          name
        }
        grant {
          id
          invitationSentAt
          invitationExpiresAt
        }
      }
    }
  }
`);

export const AccessDialogQuery = graphql(`
  query AccessDialog($id: ID!) {
    dataset(id: $id) {
      id
      name
      annotatable
      viewerPermissions {
        canSetPublic
      }
      viewerGrant {
        id
        expiresAt
      }
      ...DatasetAccessFields
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
        expiresAt
        expired
      }
      dataset {
        ...DatasetAccessFields
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
        ...DatasetAccessFields
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

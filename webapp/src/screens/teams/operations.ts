import { graphql } from "../../gql";

export const TeamFields = graphql(`
  fragment TeamFields on Team {
    id
    name
    description
    viewerRole
    members {
      email
      role
      pending
      joinedAt
      user {
        id
        displayName
      }
    }
  }
`);

export const TeamsQuery = graphql(`
  query Teams {
    teams {
      ...TeamFields
    }
  }
`);

export const CreateTeamMutation = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      team {
        ...TeamFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateTeamMutation = graphql(`
  mutation UpdateTeam($input: UpdateTeamInput!) {
    updateTeam(input: $input) {
      team {
        ...TeamFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const DeleteTeamMutation = graphql(`
  mutation DeleteTeam($input: DeleteTeamInput!) {
    deleteTeam(input: $input) {
      deletedId
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const AddTeamMembersMutation = graphql(`
  mutation AddTeamMembers($input: AddTeamMembersInput!) {
    addTeamMembers(input: $input) {
      team {
        ...TeamFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateTeamMemberMutation = graphql(`
  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {
    updateTeamMember(input: $input) {
      team {
        ...TeamFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

export const RemoveTeamMemberMutation = graphql(`
  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {
    removeTeamMember(input: $input) {
      team {
        ...TeamFields
      }
      errors {
        ...UserErrorFields
      }
    }
  }
`);

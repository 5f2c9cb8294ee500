/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n": typeof types.UserErrorFieldsFragmentDoc,
    "\n  subscription DatasetEvents {\n    datasetEvents {\n      kind\n      datasetId\n      dataset {\n        ...DatasetCardFields\n      }\n    }\n  }\n": typeof types.DatasetEventsDocument,
    "\n  subscription FollowDataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetCardFields\n      description\n      visibility\n      isPublic\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n    }\n  }\n": typeof types.FollowDatasetDocument,
    "\n  fragment DatasetNameFields on Dataset {\n    name\n  }\n": typeof types.DatasetNameFieldsFragmentDoc,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n  }\n": typeof types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": typeof types.ViewerDocument,
    "\n  mutation LogOut {\n    logOut {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LogOutDocument,
    "\n  fragment DatasetAccessFields on Dataset {\n    id\n    access {\n      isPublic\n      entries {\n        role\n        email\n        pending\n        canShare\n        canModify\n        viewerCanChange\n        expired\n        expiresAt\n        user {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n        grant {\n          id\n          invitationSentAt\n          invitationExpiresAt\n        }\n      }\n    }\n  }\n": typeof types.DatasetAccessFieldsFragmentDoc,
    "\n  query AccessDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      viewerPermissions {\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n      ...DatasetAccessFields\n    }\n  }\n": typeof types.AccessDialogDocument,
    "\n  mutation UpdateGrant($input: UpdateGrantInput!) {\n    updateGrant(input: $input) {\n      grant {\n        id\n        canShare\n        canModify\n        expiresAt\n        expired\n      }\n      dataset {\n        ...DatasetAccessFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateGrantDocument,
    "\n  mutation RevokeAccess($input: RevokeAccessInput!) {\n    revokeAccess(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n        ...DatasetAccessFields\n      }\n      revokedGrantIds\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RevokeAccessDocument,
    "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      grant {\n        id\n        invitationSentAt\n        invitationExpiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResendInvitationDocument,
    "\n  fragment ActivityEntryFields on Activity {\n    id\n    kind\n    at\n    actor {\n      id\n      displayName\n    }\n    subjectEmail\n    details\n  }\n": typeof types.ActivityEntryFieldsFragmentDoc,
    "\n  query DatasetActivity($id: ID!, $first: Int, $after: String) {\n    dataset(id: $id) {\n      id\n      activity(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.DatasetActivityDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.LogInDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ResetPasswordDocument,
    "\n  mutation CreateDataset($input: CreateDatasetInput!) {\n    createDataset(input: $input) {\n      dataset {\n        id\n        name\n        kind\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateDatasetDocument,
    "\n  fragment DataFileFields on DataFile {\n    filename\n    contentType\n    sizeBytes\n    sha256\n    downloadUrl\n  }\n": typeof types.DataFileFieldsFragmentDoc,
    "\n  query DatasetPage($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      uploadStatus\n      uploadUrl\n      fileProblems\n      badges\n      isPublic\n      owner {\n        id\n        displayName\n      }\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n      viewerGrant {\n        id\n      }\n      viewerPermissions {\n        canView\n        canDownload\n        canShare\n        canModify\n        canSetPublic\n        canManageAccess\n        canDelete\n      }\n    }\n  }\n": typeof types.DatasetPageDocument,
    "\n  mutation DeleteDataset($input: DeleteDatasetInput!) {\n    deleteDataset(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteDatasetDocument,
    "\n  mutation DeleteDatasetFile($input: DeleteDatasetFileInput!) {\n    deleteDatasetFile(input: $input) {\n      dataset {\n        id\n        uploadStatus\n        fileProblems\n        file {\n          ...DataFileFields\n        }\n        files {\n          ...DataFileFields\n        }\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteDatasetFileDocument,
    "\n  fragment ShareLinkFields on ShareLink {\n    id\n    label\n    anonymous\n    allowDownload\n    expiresAt\n    createdAt\n    revokedAt\n    active\n    useCount\n    lastUsedAt\n  }\n": typeof types.ShareLinkFieldsFragmentDoc,
    "\n  query ShareLinks($id: ID!) {\n    dataset(id: $id) {\n      id\n      shareLinks {\n        ...ShareLinkFields\n      }\n    }\n  }\n": typeof types.ShareLinksDocument,
    "\n  mutation CreateShareLink($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      url\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateShareLinkDocument,
    "\n  mutation RevokeShareLink($input: RevokeShareLinkInput!) {\n    revokeShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RevokeShareLinkDocument,
    "\n  fragment DatasetCardFields on Dataset {\n    id\n    name\n    kind\n    uploadStatus\n    fileProblems\n    badges\n    owner {\n      id\n      displayName\n    }\n    file {\n      sizeBytes\n    }\n    viewerPermissions {\n      canShare\n      canManageAccess\n    }\n  }\n": typeof types.DatasetCardFieldsFragmentDoc,
    "\n  query DatasetList($scope: DatasetScope!, $kind: DatasetKind, $search: String, $after: String) {\n    datasets(scope: $scope, kind: $kind, search: $search, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...DatasetCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": typeof types.DatasetListDocument,
    "\n  query DatasetByLink($token: String!) {\n    datasetByLink(token: $token) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      owner {\n        id\n        displayName\n      }\n      file {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      files {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      viewerPermissions {\n        canView\n        canDownload\n      }\n      annotations(first: 100) {\n        edges {\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": typeof types.DatasetByLinkDocument,
    "\n  query ShareDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      isPublic\n      viewerPermissions {\n        canShare\n        canModify\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n    }\n    teams {\n      id\n      name\n    }\n  }\n": typeof types.ShareDialogDocument,
    "\n  fragment DatasetStatusFields on Dataset {\n    id\n    isPublic\n    visibility\n    badges\n  }\n": typeof types.DatasetStatusFieldsFragmentDoc,
    "\n  mutation ShareDataset($input: ShareDatasetInput!) {\n    shareDataset(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      grants {\n        id\n        recipientEmail\n        expiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.ShareDatasetDocument,
    "\n  mutation SetPublic($input: SetPublicInput!) {\n    setPublic(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.SetPublicDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    viewerRole\n    members {\n      email\n      role\n      pending\n      joinedAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": typeof types.TeamFieldsFragmentDoc,
    "\n  query Teams {\n    teams {\n      ...TeamFields\n    }\n  }\n": typeof types.TeamsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($input: DeleteTeamInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteTeamDocument,
    "\n  mutation AddTeamMembers($input: AddTeamMembersInput!) {\n    addTeamMembers(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.AddTeamMembersDocument,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.RemoveTeamMemberDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id\n    label\n    note\n    color\n    geometry\n    viewerCanEdit\n    author {\n      id\n      displayName\n    }\n  }\n": typeof types.AnnotationFieldsFragmentDoc,
    "\n  query Annotations($id: ID!, $after: String) {\n    dataset(id: $id) {\n      id\n      annotations(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": typeof types.AnnotationsDocument,
    "\n  mutation CreateAnnotation($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.CreateAnnotationDocument,
    "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": typeof types.DeleteAnnotationDocument,
};
const documents: Documents = {
    "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n": types.UserErrorFieldsFragmentDoc,
    "\n  subscription DatasetEvents {\n    datasetEvents {\n      kind\n      datasetId\n      dataset {\n        ...DatasetCardFields\n      }\n    }\n  }\n": types.DatasetEventsDocument,
    "\n  subscription FollowDataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetCardFields\n      description\n      visibility\n      isPublic\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n    }\n  }\n": types.FollowDatasetDocument,
    "\n  fragment DatasetNameFields on Dataset {\n    name\n  }\n": types.DatasetNameFieldsFragmentDoc,
    "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n  }\n": types.ViewerFieldsFragmentDoc,
    "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n": types.ViewerDocument,
    "\n  mutation LogOut {\n    logOut {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LogOutDocument,
    "\n  fragment DatasetAccessFields on Dataset {\n    id\n    access {\n      isPublic\n      entries {\n        role\n        email\n        pending\n        canShare\n        canModify\n        viewerCanChange\n        expired\n        expiresAt\n        user {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n        grant {\n          id\n          invitationSentAt\n          invitationExpiresAt\n        }\n      }\n    }\n  }\n": types.DatasetAccessFieldsFragmentDoc,
    "\n  query AccessDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      viewerPermissions {\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n      ...DatasetAccessFields\n    }\n  }\n": types.AccessDialogDocument,
    "\n  mutation UpdateGrant($input: UpdateGrantInput!) {\n    updateGrant(input: $input) {\n      grant {\n        id\n        canShare\n        canModify\n        expiresAt\n        expired\n      }\n      dataset {\n        ...DatasetAccessFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateGrantDocument,
    "\n  mutation RevokeAccess($input: RevokeAccessInput!) {\n    revokeAccess(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n        ...DatasetAccessFields\n      }\n      revokedGrantIds\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RevokeAccessDocument,
    "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      grant {\n        id\n        invitationSentAt\n        invitationExpiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResendInvitationDocument,
    "\n  fragment ActivityEntryFields on Activity {\n    id\n    kind\n    at\n    actor {\n      id\n      displayName\n    }\n    subjectEmail\n    details\n  }\n": types.ActivityEntryFieldsFragmentDoc,
    "\n  query DatasetActivity($id: ID!, $first: Int, $after: String) {\n    dataset(id: $id) {\n      id\n      activity(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.DatasetActivityDocument,
    "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SignUpDocument,
    "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.LogInDocument,
    "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.VerifyEmailDocument,
    "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RequestPasswordResetDocument,
    "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ResetPasswordDocument,
    "\n  mutation CreateDataset($input: CreateDatasetInput!) {\n    createDataset(input: $input) {\n      dataset {\n        id\n        name\n        kind\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateDatasetDocument,
    "\n  fragment DataFileFields on DataFile {\n    filename\n    contentType\n    sizeBytes\n    sha256\n    downloadUrl\n  }\n": types.DataFileFieldsFragmentDoc,
    "\n  query DatasetPage($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      uploadStatus\n      uploadUrl\n      fileProblems\n      badges\n      isPublic\n      owner {\n        id\n        displayName\n      }\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n      viewerGrant {\n        id\n      }\n      viewerPermissions {\n        canView\n        canDownload\n        canShare\n        canModify\n        canSetPublic\n        canManageAccess\n        canDelete\n      }\n    }\n  }\n": types.DatasetPageDocument,
    "\n  mutation DeleteDataset($input: DeleteDatasetInput!) {\n    deleteDataset(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteDatasetDocument,
    "\n  mutation DeleteDatasetFile($input: DeleteDatasetFileInput!) {\n    deleteDatasetFile(input: $input) {\n      dataset {\n        id\n        uploadStatus\n        fileProblems\n        file {\n          ...DataFileFields\n        }\n        files {\n          ...DataFileFields\n        }\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteDatasetFileDocument,
    "\n  fragment ShareLinkFields on ShareLink {\n    id\n    label\n    anonymous\n    allowDownload\n    expiresAt\n    createdAt\n    revokedAt\n    active\n    useCount\n    lastUsedAt\n  }\n": types.ShareLinkFieldsFragmentDoc,
    "\n  query ShareLinks($id: ID!) {\n    dataset(id: $id) {\n      id\n      shareLinks {\n        ...ShareLinkFields\n      }\n    }\n  }\n": types.ShareLinksDocument,
    "\n  mutation CreateShareLink($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      url\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateShareLinkDocument,
    "\n  mutation RevokeShareLink($input: RevokeShareLinkInput!) {\n    revokeShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RevokeShareLinkDocument,
    "\n  fragment DatasetCardFields on Dataset {\n    id\n    name\n    kind\n    uploadStatus\n    fileProblems\n    badges\n    owner {\n      id\n      displayName\n    }\n    file {\n      sizeBytes\n    }\n    viewerPermissions {\n      canShare\n      canManageAccess\n    }\n  }\n": types.DatasetCardFieldsFragmentDoc,
    "\n  query DatasetList($scope: DatasetScope!, $kind: DatasetKind, $search: String, $after: String) {\n    datasets(scope: $scope, kind: $kind, search: $search, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...DatasetCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n": types.DatasetListDocument,
    "\n  query DatasetByLink($token: String!) {\n    datasetByLink(token: $token) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      owner {\n        id\n        displayName\n      }\n      file {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      files {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      viewerPermissions {\n        canView\n        canDownload\n      }\n      annotations(first: 100) {\n        edges {\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n": types.DatasetByLinkDocument,
    "\n  query ShareDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      isPublic\n      viewerPermissions {\n        canShare\n        canModify\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n    }\n    teams {\n      id\n      name\n    }\n  }\n": types.ShareDialogDocument,
    "\n  fragment DatasetStatusFields on Dataset {\n    id\n    isPublic\n    visibility\n    badges\n  }\n": types.DatasetStatusFieldsFragmentDoc,
    "\n  mutation ShareDataset($input: ShareDatasetInput!) {\n    shareDataset(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      grants {\n        id\n        recipientEmail\n        expiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.ShareDatasetDocument,
    "\n  mutation SetPublic($input: SetPublicInput!) {\n    setPublic(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.SetPublicDocument,
    "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    viewerRole\n    members {\n      email\n      role\n      pending\n      joinedAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n": types.TeamFieldsFragmentDoc,
    "\n  query Teams {\n    teams {\n      ...TeamFields\n    }\n  }\n": types.TeamsDocument,
    "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateTeamDocument,
    "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateTeamDocument,
    "\n  mutation DeleteTeam($input: DeleteTeamInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteTeamDocument,
    "\n  mutation AddTeamMembers($input: AddTeamMembersInput!) {\n    addTeamMembers(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.AddTeamMembersDocument,
    "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateTeamMemberDocument,
    "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.RemoveTeamMemberDocument,
    "\n  fragment AnnotationFields on Annotation {\n    id\n    label\n    note\n    color\n    geometry\n    viewerCanEdit\n    author {\n      id\n      displayName\n    }\n  }\n": types.AnnotationFieldsFragmentDoc,
    "\n  query Annotations($id: ID!, $after: String) {\n    dataset(id: $id) {\n      id\n      annotations(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n": types.AnnotationsDocument,
    "\n  mutation CreateAnnotation($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.CreateAnnotationDocument,
    "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.UpdateAnnotationDocument,
    "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n": types.DeleteAnnotationDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n"): (typeof documents)["\n  fragment UserErrorFields on UserError {\n    code\n    message\n    field\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription DatasetEvents {\n    datasetEvents {\n      kind\n      datasetId\n      dataset {\n        ...DatasetCardFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription DatasetEvents {\n    datasetEvents {\n      kind\n      datasetId\n      dataset {\n        ...DatasetCardFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription FollowDataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetCardFields\n      description\n      visibility\n      isPublic\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n    }\n  }\n"): (typeof documents)["\n  subscription FollowDataset($id: ID!) {\n    dataset(id: $id) {\n      ...DatasetCardFields\n      description\n      visibility\n      isPublic\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetNameFields on Dataset {\n    name\n  }\n"): (typeof documents)["\n  fragment DatasetNameFields on Dataset {\n    name\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n  }\n"): (typeof documents)["\n  fragment ViewerFields on User {\n    id\n    displayName\n    email\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"): (typeof documents)["\n  query Viewer {\n    me {\n      ...ViewerFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogOut {\n    logOut {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogOut {\n    logOut {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetAccessFields on Dataset {\n    id\n    access {\n      isPublic\n      entries {\n        role\n        email\n        pending\n        canShare\n        canModify\n        viewerCanChange\n        expired\n        expiresAt\n        user {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n        grant {\n          id\n          invitationSentAt\n          invitationExpiresAt\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment DatasetAccessFields on Dataset {\n    id\n    access {\n      isPublic\n      entries {\n        role\n        email\n        pending\n        canShare\n        canModify\n        viewerCanChange\n        expired\n        expiresAt\n        user {\n          id\n          displayName\n        }\n        team {\n          id\n          name\n        }\n        grant {\n          id\n          invitationSentAt\n          invitationExpiresAt\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query AccessDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      viewerPermissions {\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n      ...DatasetAccessFields\n    }\n  }\n"): (typeof documents)["\n  query AccessDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      viewerPermissions {\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n      ...DatasetAccessFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateGrant($input: UpdateGrantInput!) {\n    updateGrant(input: $input) {\n      grant {\n        id\n        canShare\n        canModify\n        expiresAt\n        expired\n      }\n      dataset {\n        ...DatasetAccessFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateGrant($input: UpdateGrantInput!) {\n    updateGrant(input: $input) {\n      grant {\n        id\n        canShare\n        canModify\n        expiresAt\n        expired\n      }\n      dataset {\n        ...DatasetAccessFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeAccess($input: RevokeAccessInput!) {\n    revokeAccess(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n        ...DatasetAccessFields\n      }\n      revokedGrantIds\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeAccess($input: RevokeAccessInput!) {\n    revokeAccess(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n        ...DatasetAccessFields\n      }\n      revokedGrantIds\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      grant {\n        id\n        invitationSentAt\n        invitationExpiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResendInvitation($input: ResendInvitationInput!) {\n    resendInvitation(input: $input) {\n      grant {\n        id\n        invitationSentAt\n        invitationExpiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ActivityEntryFields on Activity {\n    id\n    kind\n    at\n    actor {\n      id\n      displayName\n    }\n    subjectEmail\n    details\n  }\n"): (typeof documents)["\n  fragment ActivityEntryFields on Activity {\n    id\n    kind\n    at\n    actor {\n      id\n      displayName\n    }\n    subjectEmail\n    details\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetActivity($id: ID!, $first: Int, $after: String) {\n    dataset(id: $id) {\n      id\n      activity(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasetActivity($id: ID!, $first: Int, $after: String) {\n    dataset(id: $id) {\n      id\n      activity(first: $first, after: $after) {\n        edges {\n          cursor\n          node {\n            ...ActivityEntryFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SignUp($input: SignUpInput!) {\n    signUp(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation LogIn($input: LogInInput!) {\n    logIn(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation VerifyEmail($input: VerifyEmailInput!) {\n    verifyEmail(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n    requestPasswordReset(input: $input) {\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ResetPassword($input: ResetPasswordInput!) {\n    resetPassword(input: $input) {\n      user {\n        ...ViewerFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDataset($input: CreateDatasetInput!) {\n    createDataset(input: $input) {\n      dataset {\n        id\n        name\n        kind\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateDataset($input: CreateDatasetInput!) {\n    createDataset(input: $input) {\n      dataset {\n        id\n        name\n        kind\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DataFileFields on DataFile {\n    filename\n    contentType\n    sizeBytes\n    sha256\n    downloadUrl\n  }\n"): (typeof documents)["\n  fragment DataFileFields on DataFile {\n    filename\n    contentType\n    sizeBytes\n    sha256\n    downloadUrl\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetPage($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      uploadStatus\n      uploadUrl\n      fileProblems\n      badges\n      isPublic\n      owner {\n        id\n        displayName\n      }\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n      viewerGrant {\n        id\n      }\n      viewerPermissions {\n        canView\n        canDownload\n        canShare\n        canModify\n        canSetPublic\n        canManageAccess\n        canDelete\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasetPage($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      uploadStatus\n      uploadUrl\n      fileProblems\n      badges\n      isPublic\n      owner {\n        id\n        displayName\n      }\n      file {\n        ...DataFileFields\n      }\n      files {\n        ...DataFileFields\n      }\n      viewerGrant {\n        id\n      }\n      viewerPermissions {\n        canView\n        canDownload\n        canShare\n        canModify\n        canSetPublic\n        canManageAccess\n        canDelete\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDataset($input: DeleteDatasetInput!) {\n    deleteDataset(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDataset($input: DeleteDatasetInput!) {\n    deleteDataset(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteDatasetFile($input: DeleteDatasetFileInput!) {\n    deleteDatasetFile(input: $input) {\n      dataset {\n        id\n        uploadStatus\n        fileProblems\n        file {\n          ...DataFileFields\n        }\n        files {\n          ...DataFileFields\n        }\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteDatasetFile($input: DeleteDatasetFileInput!) {\n    deleteDatasetFile(input: $input) {\n      dataset {\n        id\n        uploadStatus\n        fileProblems\n        file {\n          ...DataFileFields\n        }\n        files {\n          ...DataFileFields\n        }\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ShareLinkFields on ShareLink {\n    id\n    label\n    anonymous\n    allowDownload\n    expiresAt\n    createdAt\n    revokedAt\n    active\n    useCount\n    lastUsedAt\n  }\n"): (typeof documents)["\n  fragment ShareLinkFields on ShareLink {\n    id\n    label\n    anonymous\n    allowDownload\n    expiresAt\n    createdAt\n    revokedAt\n    active\n    useCount\n    lastUsedAt\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareLinks($id: ID!) {\n    dataset(id: $id) {\n      id\n      shareLinks {\n        ...ShareLinkFields\n      }\n    }\n  }\n"): (typeof documents)["\n  query ShareLinks($id: ID!) {\n    dataset(id: $id) {\n      id\n      shareLinks {\n        ...ShareLinkFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateShareLink($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      url\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateShareLink($input: CreateShareLinkInput!) {\n    createShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      url\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RevokeShareLink($input: RevokeShareLinkInput!) {\n    revokeShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RevokeShareLink($input: RevokeShareLinkInput!) {\n    revokeShareLink(input: $input) {\n      shareLink {\n        ...ShareLinkFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetCardFields on Dataset {\n    id\n    name\n    kind\n    uploadStatus\n    fileProblems\n    badges\n    owner {\n      id\n      displayName\n    }\n    file {\n      sizeBytes\n    }\n    viewerPermissions {\n      canShare\n      canManageAccess\n    }\n  }\n"): (typeof documents)["\n  fragment DatasetCardFields on Dataset {\n    id\n    name\n    kind\n    uploadStatus\n    fileProblems\n    badges\n    owner {\n      id\n      displayName\n    }\n    file {\n      sizeBytes\n    }\n    viewerPermissions {\n      canShare\n      canManageAccess\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetList($scope: DatasetScope!, $kind: DatasetKind, $search: String, $after: String) {\n    datasets(scope: $scope, kind: $kind, search: $search, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...DatasetCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasetList($scope: DatasetScope!, $kind: DatasetKind, $search: String, $after: String) {\n    datasets(scope: $scope, kind: $kind, search: $search, first: 20, after: $after) {\n      edges {\n        cursor\n        node {\n          ...DatasetCardFields\n        }\n      }\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query DatasetByLink($token: String!) {\n    datasetByLink(token: $token) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      owner {\n        id\n        displayName\n      }\n      file {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      files {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      viewerPermissions {\n        canView\n        canDownload\n      }\n      annotations(first: 100) {\n        edges {\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query DatasetByLink($token: String!) {\n    datasetByLink(token: $token) {\n      id\n      name\n      description\n      kind\n      annotatable\n      createdAt\n      owner {\n        id\n        displayName\n      }\n      file {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      files {\n        filename\n        sizeBytes\n        downloadUrl\n      }\n      viewerPermissions {\n        canView\n        canDownload\n      }\n      annotations(first: 100) {\n        edges {\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ShareDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      isPublic\n      viewerPermissions {\n        canShare\n        canModify\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n    }\n    teams {\n      id\n      name\n    }\n  }\n"): (typeof documents)["\n  query ShareDialog($id: ID!) {\n    dataset(id: $id) {\n      id\n      name\n      annotatable\n      isPublic\n      viewerPermissions {\n        canShare\n        canModify\n        canSetPublic\n      }\n      viewerGrant {\n        id\n        expiresAt\n      }\n    }\n    teams {\n      id\n      name\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment DatasetStatusFields on Dataset {\n    id\n    isPublic\n    visibility\n    badges\n  }\n"): (typeof documents)["\n  fragment DatasetStatusFields on Dataset {\n    id\n    isPublic\n    visibility\n    badges\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ShareDataset($input: ShareDatasetInput!) {\n    shareDataset(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      grants {\n        id\n        recipientEmail\n        expiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation ShareDataset($input: ShareDatasetInput!) {\n    shareDataset(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      grants {\n        id\n        recipientEmail\n        expiresAt\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetPublic($input: SetPublicInput!) {\n    setPublic(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation SetPublic($input: SetPublicInput!) {\n    setPublic(input: $input) {\n      dataset {\n        ...DatasetStatusFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    viewerRole\n    members {\n      email\n      role\n      pending\n      joinedAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"): (typeof documents)["\n  fragment TeamFields on Team {\n    id\n    name\n    description\n    viewerRole\n    members {\n      email\n      role\n      pending\n      joinedAt\n      user {\n        id\n        displayName\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Teams {\n    teams {\n      ...TeamFields\n    }\n  }\n"): (typeof documents)["\n  query Teams {\n    teams {\n      ...TeamFields\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateTeam($input: CreateTeamInput!) {\n    createTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeam($input: UpdateTeamInput!) {\n    updateTeam(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteTeam($input: DeleteTeamInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteTeam($input: DeleteTeamInput!) {\n    deleteTeam(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddTeamMembers($input: AddTeamMembersInput!) {\n    addTeamMembers(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation AddTeamMembers($input: AddTeamMembersInput!) {\n    addTeamMembers(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateTeamMember($input: UpdateTeamMemberInput!) {\n    updateTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation RemoveTeamMember($input: RemoveTeamMemberInput!) {\n    removeTeamMember(input: $input) {\n      team {\n        ...TeamFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AnnotationFields on Annotation {\n    id\n    label\n    note\n    color\n    geometry\n    viewerCanEdit\n    author {\n      id\n      displayName\n    }\n  }\n"): (typeof documents)["\n  fragment AnnotationFields on Annotation {\n    id\n    label\n    note\n    color\n    geometry\n    viewerCanEdit\n    author {\n      id\n      displayName\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Annotations($id: ID!, $after: String) {\n    dataset(id: $id) {\n      id\n      annotations(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Annotations($id: ID!, $after: String) {\n    dataset(id: $id) {\n      id\n      annotations(first: 100, after: $after) {\n        edges {\n          cursor\n          node {\n            ...AnnotationFields\n          }\n        }\n        pageInfo {\n          hasNextPage\n          endCursor\n        }\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateAnnotation($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation CreateAnnotation($input: CreateAnnotationInput!) {\n    createAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation UpdateAnnotation($input: UpdateAnnotationInput!) {\n    updateAnnotation(input: $input) {\n      annotation {\n        ...AnnotationFields\n      }\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"): (typeof documents)["\n  mutation DeleteAnnotation($input: DeleteAnnotationInput!) {\n    deleteAnnotation(input: $input) {\n      deletedId\n      errors {\n        ...UserErrorFields\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;
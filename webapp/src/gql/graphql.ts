/* eslint-disable */
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
export type MakeOptional<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]?: Maybe<T[SubKey]> };
export type MakeMaybe<T, K extends keyof T> = Omit<T, K> & { [SubKey in K]: Maybe<T[SubKey]> };
export type MakeEmpty<T extends { [key: string]: unknown }, K extends keyof T> = { [_ in K]?: never };
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An integer that may exceed 32 bits, sent as a JSON number. */
  BigInt: { input: number; output: number; }
  /** A point in time, ISO 8601 with a time zone. */
  DateTime: { input: string; output: string; }
  /** The `JSON` scalar type represents JSON values as specified by [ECMA-404](https://ecma-international.org/wp-content/uploads/ECMA-404_2nd_edition_december_2017.pdf). */
  JSON: { input: unknown; output: unknown; }
};

/** One row of the access dialog. */
export type AccessEntry = {
  __typename?: 'AccessEntry';
  /** May annotate; for the owner, `annotatable`. */
  canModify: Scalars['Boolean']['output'];
  /** May share further; true for the owner. */
  canShare: Scalars['Boolean']['output'];
  /** The address with access. */
  email: Scalars['String']['output'];
  /** The grant has passed its `expiresAt` and gives nothing until extended, or is a pending invitation that has expired (confirming the address no longer accepts it until it is sent again). False on the owner's row. */
  expired: Scalars['Boolean']['output'];
  /** When this access ends (the grant's `expiresAt`); null when it does not, and on the owner's row. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** The grant; null on the owner's row. */
  grant?: Maybe<ShareGrant>;
  /** Invited, but no confirmed account yet. */
  pending: Scalars['Boolean']['output'];
  /** Owner, or recipient of a grant. */
  role: AccessRole;
  /** The team, on `TEAM` rows (their email is ""): its id and name; its members only for members. */
  team?: Maybe<Team>;
  /** The account; null while pending, and on a team's row. */
  user?: Maybe<User>;
  /** The viewer may update or revoke this entry. */
  viewerCanChange: Scalars['Boolean']['output'];
};

/** Who has access to a dataset, and whether it is public. */
export type AccessList = {
  __typename?: 'AccessList';
  /** The owner first, then grants, oldest first. */
  entries: Array<AccessEntry>;
  /** Everyone may view and download it. */
  isPublic: Scalars['Boolean']['output'];
};

/** How a person has access to a dataset. */
export type AccessRole =
  /** Created the dataset: may do everything, and cannot be removed. */
  | 'OWNER'
  /** Was given access by a grant (pending until their address is confirmed). */
  | 'RECIPIENT'
  /** A team holding a grant: its confirmed members have access. */
  | 'TEAM';

/** One thing that happened to a dataset; only its owner reads them. */
export type Activity = Node & {
  __typename?: 'Activity';
  /** Who did it; null for anonymous visitors, reviewer-link viewers, and what time did (an access reaching its end). */
  actor?: Maybe<User>;
  /** When it happened. */
  at: Scalars['DateTime']['output'];
  /** The particulars, a JSON object: e.g. {"canShare": true}; UPLOADED and DOWNLOADED carry {"filename": "…", "bytes": 123}. */
  details: Scalars['JSON']['output'];
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** What happened. */
  kind: ActivityKind;
  /** The recipient it concerns, if any (null for a team: `details.team`). */
  subjectEmail?: Maybe<Scalars['String']['output']>;
};

/** A page of a dataset's activity, newest first. */
export type ActivityConnection = {
  __typename?: 'ActivityConnection';
  /** The entries of this page. */
  edges: Array<ActivityEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** An activity entry and its cursor. */
export type ActivityEdge = {
  __typename?: 'ActivityEdge';
  /** Pass as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The entry. */
  node: Activity;
};

/** What happened to a dataset. */
export type ActivityKind =
  /** An annotation was added, changed or removed (`details`: action, label). */
  | 'ANNOTATED'
  /** The dataset was created (`details`: name, kind). */
  | 'CREATED'
  /** A file was downloaded (`details`: filename, bytes, throughLink); once per person or link, file and hour. */
  | 'DOWNLOADED'
  /** Someone's access reached its end (`details`: expiresAt, team). */
  | 'EXPIRED'
  /** A file was removed (`details`: filename, bytes). */
  | 'FILE_DELETED'
  /** Someone's rights changed, or they were shared with again (`details`: canShare, canModify, expiresAt, changed, team). */
  | 'GRANT_CHANGED'
  /** A recipient left the dataset. */
  | 'LEFT'
  /** A reviewer link was made (`details`: link, anonymous, allowDownload, expiresAt). */
  | 'LINK_CREATED'
  /** A reviewer link was revoked (`details`: link). */
  | 'LINK_REVOKED'
  /** Someone opened the dataset through a reviewer link (`details`: link); once per link and hour, never naming them. */
  | 'LINK_USED'
  /** It was made private again. */
  | 'MADE_PRIVATE'
  /** It was made public. */
  | 'MADE_PUBLIC'
  /** It was renamed (`details`: oldName, newName). */
  | 'RENAMED'
  /** Someone's access was removed (`details`: cascade when it went with another grant, team). */
  | 'REVOKED'
  /** It was shared with `subjectEmail` or a team (`details`: canShare, canModify, expiresAt, team, pending, notified). */
  | 'SHARED'
  /** A file was uploaded (`details`: filename, bytes, replaced). */
  | 'UPLOADED';

/** Add people to a team by address (managers); all or none. */
export type AddTeamMembersInput = {
  /** 1 to 50 addresses; addresses without a confirmed account become pending members, accepted when the address is confirmed. */
  emails: Array<Scalars['String']['input']>;
  /** Send each added member an email. */
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  /** The role of every address added. */
  role?: InputMaybe<TeamRole>;
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** A shape drawn on a stained image, with a label and a note. */
export type Annotation = Node & {
  __typename?: 'Annotation';
  /** Who drew it; the `Anonymous` stand-in through an anonymous reviewer link. */
  author: User;
  /** Display color, #rrggbb. */
  color: Scalars['String']['output'];
  /** When it was drawn. */
  createdAt: Scalars['DateTime']['output'];
  /** GeoJSON geometry (Point, MultiPoint, LineString, Polygon, MultiPolygon) in image pixel coordinates. */
  geometry: Scalars['JSON']['output'];
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** A short name, at most 200 characters. */
  label: Scalars['String']['output'];
  /** Free text, at most 5000 characters. */
  note: Scalars['String']['output'];
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** The viewer may edit or delete it: the owner, or its author while they may modify the image. */
  viewerCanEdit: Scalars['Boolean']['output'];
};

/** A page of a dataset's annotations, oldest first. */
export type AnnotationConnection = {
  __typename?: 'AnnotationConnection';
  /** The annotations of this page. */
  edges: Array<AnnotationEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** An annotation and its cursor. */
export type AnnotationEdge = {
  __typename?: 'AnnotationEdge';
  /** Pass as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The annotation. */
  node: Annotation;
};

/** The result of creating or updating an annotation. */
export type AnnotationPayload = {
  __typename?: 'AnnotationPayload';
  /** The annotation as saved. */
  annotation?: Maybe<Annotation>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** A session was opened (or not). */
export type AuthPayload = {
  __typename?: 'AuthPayload';
  /** Empty on success. */
  errors: Array<UserError>;
  /** Session token: send it as `Authorization: Bearer <token>`. Browsers also get an HttpOnly cookie. */
  token?: Maybe<Scalars['String']['output']>;
  /** The logged-in user, as they see themselves: `email` is their address. */
  user?: Maybe<User>;
};

/** Draw an annotation on an image. */
export type CreateAnnotationInput = {
  /** #rrggbb. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** The IMAGE dataset. */
  datasetId: Scalars['ID']['input'];
  /** GeoJSON geometry in image pixels. */
  geometry: Scalars['JSON']['input'];
  /** 1 to 200 characters. */
  label: Scalars['String']['input'];
  /** At most 5000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** A new dataset; it starts private. */
export type CreateDatasetInput = {
  /** At most 10,000 characters. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** MSI run or stained image. */
  kind: DatasetKind;
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
};

/** The result of `createDataset`. */
export type CreateDatasetPayload = {
  __typename?: 'CreateDatasetPayload';
  /** The new dataset. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
  /** PUT a file's bytes here, with your session, its Content-Type and Content-Disposition: attachment; filename="…" (the dataset's files become that one file); or upload files resumably with tus 1.0 at this URL followed by /files. */
  uploadUrl?: Maybe<Scalars['String']['output']>;
};

/** A new reviewer link on one of the viewer's datasets. */
export type CreateShareLinkInput = {
  /** Let link viewers download the file. */
  allowDownload?: InputMaybe<Scalars['Boolean']['input']>;
  /** Hide who owns and annotated the data from link viewers. */
  anonymous?: InputMaybe<Scalars['Boolean']['input']>;
  /** The dataset (the viewer's own). */
  datasetId: Scalars['ID']['input'];
  /** When it stops working: in the future, at most 365 days ahead; 30 days ahead when omitted. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** What it is for, at most 200 characters. */
  label?: InputMaybe<Scalars['String']['input']>;
};

/** The result of `createShareLink`. */
export type CreateShareLinkPayload = {
  __typename?: 'CreateShareLinkPayload';
  /** Empty on success. */
  errors: Array<UserError>;
  /** The new link. */
  shareLink?: Maybe<ShareLink>;
  /** The link's URL, PUBLIC_URL/l/<token>: shown this once, never again (only a hash of its token is kept). */
  url?: Maybe<Scalars['String']['output']>;
};

/** Create a team; its creator is its first manager. */
export type CreateTeamInput = {
  /** What the team is. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** 1 to 200 characters. */
  name: Scalars['String']['input'];
};

/** A file of a dataset. */
export type DataFile = {
  __typename?: 'DataFile';
  /** Its media type. */
  contentType: Scalars['String']['output'];
  /** GET or HEAD it with your session; supports byte ranges. */
  downloadUrl: Scalars['String']['output'];
  /** The name it was uploaded under. */
  filename: Scalars['String']['output'];
  /** SHA-256 of its bytes, hex. */
  sha256: Scalars['String']['output'];
  /** Its size in bytes. */
  sizeBytes: Scalars['BigInt']['output'];
};

/** A dataset, as the viewer sees it: one card of the list. */
export type Dataset = Node & {
  __typename?: 'Dataset';
  /** Who has access and whether it is public; null unless the viewer is the owner or may share (never through a reviewer link). */
  access?: Maybe<AccessList>;
  /** What happened to it, newest first: changes, shares, downloads, link uses. Null unless the viewer is the owner (never through a reviewer link). */
  activity?: Maybe<ActivityConnection>;
  /** True for images: they take annotations. */
  annotatable: Scalars['Boolean']['output'];
  /** Its annotations, oldest first; empty for MSI datasets. */
  annotations: AnnotationConnection;
  /** The card's status icons from the viewer's side: their relation first, then the visibility. */
  badges: Array<DatasetBadge>;
  /** When it was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What it is. */
  description: Scalars['String']['output'];
  /** The primary file (an MSI dataset's .imzML, otherwise the first uploaded); null until uploaded. */
  file?: Maybe<DataFile>;
  /** What keeps the files from being complete, for people: an .imzML without its .ibd of the same base name or the reverse, or a pair whose run UUIDs differ. Empty when complete. */
  fileProblems: Array<Scalars['String']['output']>;
  /** Every file of the dataset, by name. */
  files: Array<DataFile>;
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Everyone may view and download it. */
  isPublic: Scalars['Boolean']['output'];
  /** MSI run or stained image. */
  kind: DatasetKind;
  /** Its name. */
  name: Scalars['String']['output'];
  /** Who created it; the `Anonymous` stand-in through an anonymous reviewer link. */
  owner: User;
  /** Its reviewer links, newest first; null unless the viewer is the owner (and never through a link). */
  shareLinks?: Maybe<Array<ShareLink>>;
  /** When `viewerGrant` was made; when the viewer reaches the dataset only through their teams' grants, when the newest of those was made (the order of `SHARED_WITH_ME`); null otherwise. */
  sharedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it last changed. */
  updatedAt: Scalars['DateTime']['output'];
  /** PENDING until a file arrives and, for MSI, while `fileProblems` is not empty. */
  uploadStatus: UploadStatus;
  /** Where the viewer sends its files, if they may (the owner): tus 1.0 resumable uploads at this URL followed by /files, or PUT one file here as with `createDataset`'s `uploadUrl`. Whoever may upload may also remove files (`deleteDatasetFile`). Null for everyone else. */
  uploadUrl?: Maybe<Scalars['String']['output']>;
  /** The viewer's own accepted grant on this dataset (revoke it to leave the dataset); null for the owner, for public viewers, for reviewer-link viewers, and when the viewer reaches it only through a team (leave the team to leave it). */
  viewerGrant?: Maybe<ShareGrant>;
  /** What the viewer may do with it. */
  viewerPermissions: DatasetPermissions;
  /** PUBLIC, AVAILABLE (privately shared, pending invitations included) or PRIVATE. */
  visibility: Visibility;
};


/** A dataset, as the viewer sees it: one card of the list. */
export type DatasetActivityArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};


/** A dataset, as the viewer sees it: one card of the list. */
export type DatasetAnnotationsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** A status icon of a dataset card. */
export type DatasetBadge =
  /** Shared privately: it has at least one grant, pending ones included. */
  | 'AVAILABLE'
  /** The viewer created the dataset. */
  | 'OWNER'
  /** Nobody but its owner may see it (never shown to a recipient). */
  | 'PRIVATE'
  /** Everyone may view and download it. */
  | 'PUBLIC'
  /** The viewer holds an accepted grant on it. */
  | 'SHARED_WITH_ME';

/** A page of datasets, newest first. */
export type DatasetConnection = {
  __typename?: 'DatasetConnection';
  /** The datasets of this page. */
  edges: Array<DatasetEdge>;
  /** Where this page stands. */
  pageInfo: PageInfo;
};

/** A dataset and its cursor. */
export type DatasetEdge = {
  __typename?: 'DatasetEdge';
  /** Pass as `after` to read on from here. */
  cursor: Scalars['String']['output'];
  /** The dataset. */
  node: Dataset;
};

/** A change to a dataset the viewer owns or holds a grant on. */
export type DatasetEvent = {
  __typename?: 'DatasetEvent';
  /** When the change was delivered. */
  at: Scalars['DateTime']['output'];
  /** The dataset as the viewer sees it now; null for REMOVED. */
  dataset?: Maybe<Dataset>;
  /** The dataset's global id. */
  datasetId: Scalars['ID']['output'];
  /** Added, changed or removed. */
  kind: DatasetEventKind;
};

/** What happened to a dataset, from the viewer's side. */
export type DatasetEventKind =
  /** It became visible to the viewer through a grant (or they created it). */
  | 'ADDED'
  /** A card the viewer sees changed: name, file, badges, permissions, access list or annotations. */
  | 'CHANGED'
  /** The viewer no longer sees it (revoked, left, deleted, …). */
  | 'REMOVED';

/** MSI run, or stained image. */
export type DatasetKind =
  /** A histologically stained image; it takes annotations. */
  | 'IMAGE'
  /** A mass-spectrometry imaging run. */
  | 'MSI';

/** A dataset after a change. */
export type DatasetPayload = {
  __typename?: 'DatasetPayload';
  /** The dataset. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** What the viewer may do with a dataset. */
export type DatasetPermissions = {
  __typename?: 'DatasetPermissions';
  /** Rename or delete it. */
  canDelete: Scalars['Boolean']['output'];
  /** Download its file. */
  canDownload: Scalars['Boolean']['output'];
  /** See and change who has access. */
  canManageAccess: Scalars['Boolean']['output'];
  /** Add annotations (images only). */
  canModify: Scalars['Boolean']['output'];
  /** Make it public or private. */
  canSetPublic: Scalars['Boolean']['output'];
  /** Share it with more people. */
  canShare: Scalars['Boolean']['output'];
  /** See the dataset. */
  canView: Scalars['Boolean']['output'];
};

/** Which datasets a listing shows. */
export type DatasetScope =
  /** Everything the viewer may see: their own, shared with them, and public. */
  | 'ALL'
  /** Owned by the viewer or shared with them. */
  | 'MINE'
  /** Owned by the viewer. */
  | 'OWNED'
  /** Every public dataset. */
  | 'PUBLIC'
  /** Shared with the viewer by an accepted grant. */
  | 'SHARED_WITH_ME';

/** Delete an annotation. */
export type DeleteAnnotationInput = {
  /** The annotation. */
  id: Scalars['ID']['input'];
};

/** The result of `deleteAnnotation`. */
export type DeleteAnnotationPayload = {
  __typename?: 'DeleteAnnotationPayload';
  /** The id that was deleted. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Remove one file of a dataset. */
export type DeleteDatasetFileInput = {
  /** The dataset. */
  datasetId: Scalars['ID']['input'];
  /** The name of the file to remove. */
  filename: Scalars['String']['input'];
};

/** Delete a dataset with its file, grants and annotations. */
export type DeleteDatasetInput = {
  /** The dataset. */
  id: Scalars['ID']['input'];
};

/** The result of `deleteDataset`. */
export type DeleteDatasetPayload = {
  __typename?: 'DeleteDatasetPayload';
  /** The id that was deleted. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Delete a team (managers): its grants are revoked. */
export type DeleteTeamInput = {
  /** The team. */
  id: Scalars['ID']['input'];
};

/** The result of `deleteTeam`. */
export type DeleteTeamPayload = {
  __typename?: 'DeleteTeamPayload';
  /** The id of the deleted team. */
  deletedId?: Maybe<Scalars['ID']['output']>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Why a mutation did not do what was asked. */
export type ErrorCode =
  /** The person already has a grant the viewer may not change. */
  | 'ALREADY_HAS_ACCESS'
  /** The right password, but the address is not confirmed yet. */
  | 'EMAIL_NOT_VERIFIED'
  /** The viewer sees the object but may not do this to it. */
  | 'FORBIDDEN'
  /** Wrong address or password (the same answer for both). */
  | 'INVALID_CREDENTIALS'
  /** The input breaks a rule; `field` names the part at fault. */
  | 'INVALID_INPUT'
  /** The emailed link is unknown, already used, or expired. */
  | 'INVALID_TOKEN'
  /** No such object, or the viewer may not see it: the two look the same. */
  | 'NOT_FOUND'
  /** Too many attempts: try again later. */
  | 'RATE_LIMITED'
  /** The request has no valid session: log in first. */
  | 'UNAUTHENTICATED';

/** Credentials. */
export type LogInInput = {
  /** The account's address. */
  email: Scalars['String']['input'];
  /** The password. */
  password: Scalars['String']['input'];
};

/** The session is over. */
export type LogOutPayload = {
  __typename?: 'LogOutPayload';
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type Mutation = {
  __typename?: 'Mutation';
  /** Add people to a team by address (managers): one bad address and nothing is added, each bad one its own error (`emails.N`). */
  addTeamMembers: TeamPayload;
  /** Draw an annotation on an image (owner, or a recipient who may modify). */
  createAnnotation: AnnotationPayload;
  /** Create a private dataset and get the URL to upload to. */
  createDataset: CreateDatasetPayload;
  /** Make a reviewer link to a dataset (owner only; at most 20 active links per dataset). */
  createShareLink: CreateShareLinkPayload;
  /** Create a team; the viewer becomes its first manager. */
  createTeam: TeamPayload;
  /** Delete an annotation (the owner, or its author). */
  deleteAnnotation: DeleteAnnotationPayload;
  /** Delete a dataset with its file, grants and annotations (owner only). */
  deleteDataset: DeleteDatasetPayload;
  /** Remove one file of a dataset by name (owner only). */
  deleteDatasetFile: DatasetPayload;
  /** Delete a team (managers); its grants are revoked. */
  deleteTeam: DeleteTeamPayload;
  /** Open a session with an address and a password. */
  logIn: AuthPayload;
  /** End the session of this request. */
  logOut: LogOutPayload;
  /** Remove a member (managers) or leave (with one's own address): access through the team ends at once. The last manager cannot leave while others remain. */
  removeTeamMember: TeamPayload;
  /** Email a password-reset link, if the address has an account. */
  requestPasswordReset: RequestPasswordResetPayload;
  /** Send a pending grant's invitation email again and restart its expiry (`INVITATION_DAYS`): whoever may update the grant, at most once per grant in any 10 minutes. Cancel an invitation with `revokeAccess`. */
  resendInvitation: ResendInvitationPayload;
  /** Set a new password with the emailed token; ends every other session. */
  resetPassword: AuthPayload;
  /** Remove a person's access (or leave a dataset shared with you). */
  revokeAccess: RevokeAccessPayload;
  /** End a reviewer link at once (owner only). */
  revokeShareLink: RevokeShareLinkPayload;
  /** Make a dataset public or private (owner only). */
  setPublic: SetPublicPayload;
  /** Share a dataset with people by email; all addresses or none. */
  shareDataset: ShareDatasetPayload;
  /** Create an account; a confirmation link is emailed. */
  signUp: SignUpPayload;
  /** Change an annotation (the owner, or its author). */
  updateAnnotation: AnnotationPayload;
  /** Rename or describe a dataset (owner only). */
  updateDataset: DatasetPayload;
  /** Change whether a recipient may share or annotate, or when their access ends (extend it with a later `expiresAt`, or `clearExpiry`). */
  updateGrant: UpdateGrantPayload;
  /** Rename or describe a team (managers). */
  updateTeam: TeamPayload;
  /** Change a member's role (managers); the last manager cannot step down. */
  updateTeamMember: TeamPayload;
  /** Confirm an address with the emailed token; accepts the invitations waiting for it and logs in. */
  verifyEmail: AuthPayload;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationAddTeamMembersArgs = {
  input: AddTeamMembersInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationCreateAnnotationArgs = {
  input: CreateAnnotationInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationCreateDatasetArgs = {
  input: CreateDatasetInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationCreateShareLinkArgs = {
  input: CreateShareLinkInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationCreateTeamArgs = {
  input: CreateTeamInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationDeleteAnnotationArgs = {
  input: DeleteAnnotationInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationDeleteDatasetArgs = {
  input: DeleteDatasetInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationDeleteDatasetFileArgs = {
  input: DeleteDatasetFileInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationDeleteTeamArgs = {
  input: DeleteTeamInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationLogInArgs = {
  input: LogInInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationRemoveTeamMemberArgs = {
  input: RemoveTeamMemberInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationRequestPasswordResetArgs = {
  input: RequestPasswordResetInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationResendInvitationArgs = {
  input: ResendInvitationInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationResetPasswordArgs = {
  input: ResetPasswordInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationRevokeAccessArgs = {
  input: RevokeAccessInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationRevokeShareLinkArgs = {
  input: RevokeShareLinkInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationSetPublicArgs = {
  input: SetPublicInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationShareDatasetArgs = {
  input: ShareDatasetInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationSignUpArgs = {
  input: SignUpInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationUpdateAnnotationArgs = {
  input: UpdateAnnotationInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationUpdateDatasetArgs = {
  input: UpdateDatasetInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationUpdateGrantArgs = {
  input: UpdateGrantInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationUpdateTeamArgs = {
  input: UpdateTeamInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationUpdateTeamMemberArgs = {
  input: UpdateTeamMemberInput;
};


/** Every change. Expected failures are data: each payload has `errors`, empty on success. */
export type MutationVerifyEmailArgs = {
  input: VerifyEmailInput;
};

/** An object with an opaque, globally unique id. */
export type Node = {
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
};

/** Where a page of a connection stands (Relay). */
export type PageInfo = {
  __typename?: 'PageInfo';
  /** Pass as `after` for the next page. */
  endCursor?: Maybe<Scalars['String']['output']>;
  /** More items follow this page. */
  hasNextPage: Scalars['Boolean']['output'];
  /** Items precede this page (pages are read forwards only: true after a cursor). */
  hasPreviousPage: Scalars['Boolean']['output'];
  /** Cursor of the first item. */
  startCursor?: Maybe<Scalars['String']['output']>;
};

/** What a viewer may read: themselves, datasets and their listings, any object by id. Anonymous visitors see public datasets. */
export type Query = {
  __typename?: 'Query';
  /** A dataset by id; null when missing or not visible. */
  dataset?: Maybe<Dataset>;
  /** The dataset a reviewer link shows, to anyone holding its token (no account needed); null when the token is unknown, or the link revoked or expired. Each answer counts one use of the link. */
  datasetByLink?: Maybe<Dataset>;
  /** Dataset cards, newest first: SHARED_WITH_ME by when each was shared with the viewer (`sharedAt`), every other scope by when the dataset was created. `search` matches names, ignoring case. */
  datasets: DatasetConnection;
  /** The user behind this request; null when anonymous. */
  me?: Maybe<User>;
  /** The object with this global id; null when missing or not visible. */
  node?: Maybe<Node>;
  /** The viewer's teams (confirmed memberships), oldest first. */
  teams: Array<Team>;
};


/** What a viewer may read: themselves, datasets and their listings, any object by id. Anonymous visitors see public datasets. */
export type QueryDatasetArgs = {
  id: Scalars['ID']['input'];
};


/** What a viewer may read: themselves, datasets and their listings, any object by id. Anonymous visitors see public datasets. */
export type QueryDatasetByLinkArgs = {
  token: Scalars['String']['input'];
};


/** What a viewer may read: themselves, datasets and their listings, any object by id. Anonymous visitors see public datasets. */
export type QueryDatasetsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  first?: InputMaybe<Scalars['Int']['input']>;
  kind?: InputMaybe<DatasetKind>;
  scope?: InputMaybe<DatasetScope>;
  search?: InputMaybe<Scalars['String']['input']>;
};


/** What a viewer may read: themselves, datasets and their listings, any object by id. Anonymous visitors see public datasets. */
export type QueryNodeArgs = {
  id: Scalars['ID']['input'];
};

/** Remove a member (managers), or leave (anyone, with their own address). */
export type RemoveTeamMemberInput = {
  /** The member's address. */
  email: Scalars['String']['input'];
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** Ask for a password-reset link. */
export type RequestPasswordResetInput = {
  /** The account's address. */
  email: Scalars['String']['input'];
};

/** Same answer for known and unknown addresses. `errors` holds input errors only. */
export type RequestPasswordResetPayload = {
  __typename?: 'RequestPasswordResetPayload';
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Send a pending grant's invitation again. */
export type ResendInvitationInput = {
  /** The pending grant. */
  grantId: Scalars['ID']['input'];
};

/** The result of `resendInvitation`. */
export type ResendInvitationPayload = {
  __typename?: 'ResendInvitationPayload';
  /** Empty on success. */
  errors: Array<UserError>;
  /** The grant, its invitation just queued again and its expiry restarted. */
  grant?: Maybe<ShareGrant>;
};

/** Choose a new password with the emailed token. */
export type ResetPasswordInput = {
  /** 15 to 1024 characters. */
  newPassword: Scalars['String']['input'];
  /** The `token` of the emailed link. */
  token: Scalars['String']['input'];
};

/** Take access away. */
export type RevokeAccessInput = {
  /** Also remove every grant made downstream of it. */
  cascade?: InputMaybe<Scalars['Boolean']['input']>;
  /** The grant to remove. */
  grantId: Scalars['ID']['input'];
};

/** The result of `revokeAccess`. */
export type RevokeAccessPayload = {
  __typename?: 'RevokeAccessPayload';
  /** The dataset as the viewer sees it now; null if they no longer can. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
  /** Every grant removed (more than one with `cascade`). */
  revokedGrantIds: Array<Scalars['ID']['output']>;
};

/** End a reviewer link. */
export type RevokeShareLinkInput = {
  /** The link. */
  id: Scalars['ID']['input'];
};

/** The result of `revokeShareLink`. */
export type RevokeShareLinkPayload = {
  __typename?: 'RevokeShareLinkPayload';
  /** Empty on success. */
  errors: Array<UserError>;
  /** The link, revoked. */
  shareLink?: Maybe<ShareLink>;
};

/** Make a dataset public or private. */
export type SetPublicInput = {
  /** The dataset. */
  datasetId: Scalars['ID']['input'];
  /** True: everyone may view and download it. */
  public: Scalars['Boolean']['input'];
};

/** The result of `setPublic`. */
export type SetPublicPayload = {
  __typename?: 'SetPublicPayload';
  /** The dataset after the change. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Share a dataset with people by email. */
export type ShareDatasetInput = {
  /** Recipients can add annotations (images only). */
  canModify?: InputMaybe<Scalars['Boolean']['input']>;
  /** Recipients can share the dataset too. */
  canShare?: InputMaybe<Scalars['Boolean']['input']>;
  /** The dataset to share. */
  datasetId: Scalars['ID']['input'];
  /** Addresses; may be empty when `teamIds` is not (1 to 50 targets in all). */
  emails: Array<Scalars['String']['input']>;
  /** When the grants end: in the future, at most 365 days ahead; null: no end. A recipient whose own access ends must give an end no later than theirs. Sharing again with someone sets their grant's end to this, a team's grant included. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** At most 2000 characters. */
  message?: InputMaybe<Scalars['String']['input']>;
  /** Send the invitation emails. */
  notify?: InputMaybe<Scalars['Boolean']['input']>;
  /** Teams to share with, each one the viewer is a member of (others are `NOT_FOUND` at `teamIds.N`); one grant per team, no email to members. `emails` may then be empty: 1 to 50 addresses and teams in all. */
  teamIds?: InputMaybe<Array<Scalars['ID']['input']>>;
};

/** The result of `shareDataset`. */
export type ShareDatasetPayload = {
  __typename?: 'ShareDatasetPayload';
  /** The dataset, as the viewer sees it. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
  /** One grant per address, in input order, then one per team, in input order. */
  grants: Array<ShareGrant>;
};

/** Access to a dataset given to one address, or to a team. */
export type ShareGrant = Node & {
  __typename?: 'ShareGrant';
  /** The recipient may add annotations (images only). */
  canModify: Scalars['Boolean']['output'];
  /** The recipient may share the dataset too. */
  canShare: Scalars['Boolean']['output'];
  /** When the grant was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The dataset shared. */
  dataset: Dataset;
  /** True once `expiresAt` has passed (extend it with `updateGrant`), and for a pending grant whose invitation has expired: confirming the address no longer accepts it until `resendInvitation` sends it again. */
  expired: Scalars['Boolean']['output'];
  /** From this instant the grant gives nothing (no card, no download, no annotating, no sharing) until it is extended or revoked; null: it does not end. */
  expiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** Who made the grant: the owner, or a recipient who may share. */
  grantedBy: User;
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** A pending grant is no longer accepted after this (`INVITATION_DAYS` after the invitation was last sent); null once accepted. */
  invitationExpiresAt?: Maybe<Scalars['DateTime']['output']>;
  /** When the last invitation email was queued; null if none was sent. */
  invitationSentAt?: Maybe<Scalars['DateTime']['output']>;
  /** The message sent with the invitation. */
  message: Scalars['String']['output'];
  /** True until an account with this address is confirmed (never for a team). */
  pending: Scalars['Boolean']['output'];
  /** The recipient's account; null while pending. */
  recipient?: Maybe<User>;
  /** The address the dataset was shared with; "" on a grant to a team. */
  recipientEmail: Scalars['String']['output'];
  /** The team the grant is to (its confirmed members hold it); null on a grant to an address, and for viewers who are not members and may not see the dataset's access list. */
  team?: Maybe<Team>;
  /** When the grant last changed. */
  updatedAt: Scalars['DateTime']['output'];
};

/** A secret URL through which someone without an account (a journal reviewer) sees one dataset; only its owner sees or manages it. */
export type ShareLink = Node & {
  __typename?: 'ShareLink';
  /** Neither revoked nor expired: the link works. */
  active: Scalars['Boolean']['output'];
  /** Link viewers may download the file. */
  allowDownload: Scalars['Boolean']['output'];
  /** Link viewers do not learn who owns or annotated the data. */
  anonymous: Scalars['Boolean']['output'];
  /** When it was made. */
  createdAt: Scalars['DateTime']['output'];
  /** The dataset it shows. */
  dataset: Dataset;
  /** When the link stops working. */
  expiresAt: Scalars['DateTime']['output'];
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** What it is for, e.g. "Reviewer 2, Nature Methods". */
  label: Scalars['String']['output'];
  /** When it was last used; null if never. */
  lastUsedAt?: Maybe<Scalars['DateTime']['output']>;
  /** When it was revoked; null while it is not. */
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  /** How many times the dataset was answered through it (`datasetByLink`). */
  useCount: Scalars['Int']['output'];
};

/** A new account. */
export type SignUpInput = {
  /** The name others see. */
  displayName: Scalars['String']['input'];
  /** The address to confirm; also the log-in name. */
  email: Scalars['String']['input'];
  /** 15 to 1024 characters. */
  password: Scalars['String']['input'];
};

/** Same answer whether or not the address already has an account: check your mailbox. `errors` holds input errors only. */
export type SignUpPayload = {
  __typename?: 'SignUpPayload';
  /** Empty on success. */
  errors: Array<UserError>;
};

/** Live updates over WebSocket (graphql-transport-ws on /graphql). Every event is checked against the viewer's access at the moment it is sent. */
export type Subscription = {
  __typename?: 'Subscription';
  /** The dataset now and after each change, for any dataset the viewer may see (public ones too). Sends null and completes when the viewer may no longer see it (or never could). */
  dataset?: Maybe<Dataset>;
  /** Every change to what the viewer owns or holds a grant on: ADDED, CHANGED, REMOVED. Public datasets are not announced to everyone. Needs a session. */
  datasetEvents: DatasetEvent;
};


/** Live updates over WebSocket (graphql-transport-ws on /graphql). Every event is checked against the viewer's access at the moment it is sent. */
export type SubscriptionDatasetArgs = {
  id: Scalars['ID']['input'];
};

/** A group of people a dataset can be shared with as one recipient: every confirmed member holds the team's grants while a member. Visible only to its members (an access list shows a team's id and name to those who may see the list). */
export type Team = Node & {
  __typename?: 'Team';
  /** When the team was created. */
  createdAt: Scalars['DateTime']['output'];
  /** What the team is, for its members. */
  description: Scalars['String']['output'];
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
  /** Oldest first; empty for anyone who is not a member. */
  members: Array<TeamMember>;
  /** The team's name. */
  name: Scalars['String']['output'];
  /** The viewer's role; null when the viewer is not a member. */
  viewerRole?: Maybe<TeamRole>;
};

/** One address in a team. */
export type TeamMember = {
  __typename?: 'TeamMember';
  /** The member's address. */
  email: Scalars['String']['output'];
  /** When the membership was accepted; null while pending. */
  joinedAt?: Maybe<Scalars['DateTime']['output']>;
  /** True until an account with this address is confirmed; a pending member holds none of the team's grants. */
  pending: Scalars['Boolean']['output'];
  /** Manager or member. */
  role: TeamRole;
  /** The member's account; null while pending. */
  user?: Maybe<User>;
};

/** The result of a change to a team. */
export type TeamPayload = {
  __typename?: 'TeamPayload';
  /** Empty on success. */
  errors: Array<UserError>;
  /** The team after the change; null once the viewer is no longer a member. */
  team?: Maybe<Team>;
};

/** What a member may do in a team. */
export type TeamRole =
  /** Renames the team, adds and removes members, changes roles, deletes the team. */
  | 'MANAGER'
  /** Holds the team's grants; may leave. */
  | 'MEMBER';

/** Change an annotation; omitted fields stay as they are. */
export type UpdateAnnotationInput = {
  /** #rrggbb. */
  color?: InputMaybe<Scalars['String']['input']>;
  /** GeoJSON geometry. */
  geometry?: InputMaybe<Scalars['JSON']['input']>;
  /** The annotation. */
  id: Scalars['ID']['input'];
  /** 1 to 200 characters. */
  label?: InputMaybe<Scalars['String']['input']>;
  /** At most 5000 characters. */
  note?: InputMaybe<Scalars['String']['input']>;
};

/** Rename or describe a dataset; omitted fields stay. */
export type UpdateDatasetInput = {
  /** At most 10,000. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The dataset. */
  id: Scalars['ID']['input'];
  /** 1 to 200 characters. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Change what a grant allows or when it ends; what is omitted stays as it is. */
export type UpdateGrantInput = {
  /** May annotate. */
  canModify?: InputMaybe<Scalars['Boolean']['input']>;
  /** May share further. */
  canShare?: InputMaybe<Scalars['Boolean']['input']>;
  /** True: the grant no longer ends (restoring it if it had expired). Not with `expiresAt`; not for a recipient whose own access ends. */
  clearExpiry?: InputMaybe<Scalars['Boolean']['input']>;
  /** A new end: in the future, at most 365 days ahead. A later end restores an expired grant as it was. A recipient whose own access ends may give no later end. */
  expiresAt?: InputMaybe<Scalars['DateTime']['input']>;
  /** The grant. */
  grantId: Scalars['ID']['input'];
};

/** The result of `updateGrant`. */
export type UpdateGrantPayload = {
  __typename?: 'UpdateGrantPayload';
  /** The dataset after the change, its access list refreshed: ask for it to keep a client's cached access list current in the same round trip. */
  dataset?: Maybe<Dataset>;
  /** Empty on success. */
  errors: Array<UserError>;
  /** The grant after the change. */
  grant?: Maybe<ShareGrant>;
};

/** Rename or describe a team (managers); omitted fields stay. */
export type UpdateTeamInput = {
  /** The new description. */
  description?: InputMaybe<Scalars['String']['input']>;
  /** The team. */
  id: Scalars['ID']['input'];
  /** The new name. */
  name?: InputMaybe<Scalars['String']['input']>;
};

/** Change a member's role (managers). */
export type UpdateTeamMemberInput = {
  /** The member's address. */
  email: Scalars['String']['input'];
  /** The new role. */
  role: TeamRole;
  /** The team. */
  teamId: Scalars['ID']['input'];
};

/** Whether the dataset's file has arrived. */
export type UploadStatus =
  /** No file yet: PUT it to the upload URL. */
  | 'PENDING'
  /** The file is stored and may be downloaded. */
  | 'READY';

/** A person with a datashare account. */
export type User = Node & {
  __typename?: 'User';
  /** The name the person chose to show. */
  displayName: Scalars['String']['output'];
  /** The address; visible to the user, and to those who manage a grant of theirs. */
  email?: Maybe<Scalars['String']['output']>;
  /** Opaque global id; pass it to `node(id:)`. */
  id: Scalars['ID']['output'];
};

/** An expected failure of a mutation, for people and for code. */
export type UserError = {
  __typename?: 'UserError';
  /** What went wrong, for code. */
  code: ErrorCode;
  /** The input path at fault, e.g. "emails.2". */
  field?: Maybe<Scalars['String']['output']>;
  /** What went wrong, for people. */
  message: Scalars['String']['output'];
};

/** The token from the confirmation email. */
export type VerifyEmailInput = {
  /** The `token` of the emailed link. */
  token: Scalars['String']['input'];
};

/** Who may see a dataset. */
export type Visibility =
  /** Its owner and the people it is shared with (pending invitations count). */
  | 'AVAILABLE'
  /** Its owner alone. */
  | 'PRIVATE'
  /** Everyone, anonymous visitors included. */
  | 'PUBLIC';

export type UserErrorFieldsFragment = { __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null };

export type DatasetEventsSubscriptionVariables = Exact<{ [key: string]: never; }>;


export type DatasetEventsSubscription = { __typename?: 'Subscription', datasetEvents: { __typename?: 'DatasetEvent', kind: DatasetEventKind, datasetId: string, dataset?: { __typename?: 'Dataset', id: string, name: string, kind: DatasetKind, uploadStatus: UploadStatus, fileProblems: Array<string>, badges: Array<DatasetBadge>, owner: { __typename?: 'User', id: string, displayName: string }, file?: { __typename?: 'DataFile', sizeBytes: number } | null, viewerPermissions: { __typename?: 'DatasetPermissions', canShare: boolean, canManageAccess: boolean } } | null } };

export type FollowDatasetSubscriptionVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type FollowDatasetSubscription = { __typename?: 'Subscription', dataset?: { __typename?: 'Dataset', description: string, visibility: Visibility, isPublic: boolean, id: string, name: string, kind: DatasetKind, uploadStatus: UploadStatus, fileProblems: Array<string>, badges: Array<DatasetBadge>, file?: { __typename?: 'DataFile', sizeBytes: number, filename: string, contentType: string, sha256: string, downloadUrl: string } | null, files: Array<{ __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string }>, owner: { __typename?: 'User', id: string, displayName: string }, viewerPermissions: { __typename?: 'DatasetPermissions', canShare: boolean, canManageAccess: boolean } } | null };

export type DatasetNameFieldsFragment = { __typename?: 'Dataset', name: string };

export type ViewerFieldsFragment = { __typename?: 'User', id: string, displayName: string, email?: string | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { __typename?: 'Query', me?: { __typename?: 'User', id: string, displayName: string, email?: string | null } | null };

export type LogOutMutationVariables = Exact<{ [key: string]: never; }>;


export type LogOutMutation = { __typename?: 'Mutation', logOut: { __typename?: 'LogOutPayload', errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DatasetAccessFieldsFragment = { __typename?: 'Dataset', id: string, access?: { __typename?: 'AccessList', isPublic: boolean, entries: Array<{ __typename?: 'AccessEntry', role: AccessRole, email: string, pending: boolean, canShare: boolean, canModify: boolean, viewerCanChange: boolean, expired: boolean, expiresAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null, team?: { __typename?: 'Team', id: string, name: string } | null, grant?: { __typename?: 'ShareGrant', id: string, invitationSentAt?: string | null, invitationExpiresAt?: string | null } | null }> } | null };

export type AccessDialogQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type AccessDialogQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, name: string, annotatable: boolean, viewerPermissions: { __typename?: 'DatasetPermissions', canSetPublic: boolean }, viewerGrant?: { __typename?: 'ShareGrant', id: string, expiresAt?: string | null } | null, access?: { __typename?: 'AccessList', isPublic: boolean, entries: Array<{ __typename?: 'AccessEntry', role: AccessRole, email: string, pending: boolean, canShare: boolean, canModify: boolean, viewerCanChange: boolean, expired: boolean, expiresAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null, team?: { __typename?: 'Team', id: string, name: string } | null, grant?: { __typename?: 'ShareGrant', id: string, invitationSentAt?: string | null, invitationExpiresAt?: string | null } | null }> } | null } | null };

export type UpdateGrantMutationVariables = Exact<{
  input: UpdateGrantInput;
}>;


export type UpdateGrantMutation = { __typename?: 'Mutation', updateGrant: { __typename?: 'UpdateGrantPayload', grant?: { __typename?: 'ShareGrant', id: string, canShare: boolean, canModify: boolean, expiresAt?: string | null, expired: boolean } | null, dataset?: { __typename?: 'Dataset', id: string, access?: { __typename?: 'AccessList', isPublic: boolean, entries: Array<{ __typename?: 'AccessEntry', role: AccessRole, email: string, pending: boolean, canShare: boolean, canModify: boolean, viewerCanChange: boolean, expired: boolean, expiresAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null, team?: { __typename?: 'Team', id: string, name: string } | null, grant?: { __typename?: 'ShareGrant', id: string, invitationSentAt?: string | null, invitationExpiresAt?: string | null } | null }> } | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type RevokeAccessMutationVariables = Exact<{
  input: RevokeAccessInput;
}>;


export type RevokeAccessMutation = { __typename?: 'Mutation', revokeAccess: { __typename?: 'RevokeAccessPayload', revokedGrantIds: Array<string>, dataset?: { __typename?: 'Dataset', id: string, isPublic: boolean, visibility: Visibility, badges: Array<DatasetBadge>, access?: { __typename?: 'AccessList', isPublic: boolean, entries: Array<{ __typename?: 'AccessEntry', role: AccessRole, email: string, pending: boolean, canShare: boolean, canModify: boolean, viewerCanChange: boolean, expired: boolean, expiresAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null, team?: { __typename?: 'Team', id: string, name: string } | null, grant?: { __typename?: 'ShareGrant', id: string, invitationSentAt?: string | null, invitationExpiresAt?: string | null } | null }> } | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type ResendInvitationMutationVariables = Exact<{
  input: ResendInvitationInput;
}>;


export type ResendInvitationMutation = { __typename?: 'Mutation', resendInvitation: { __typename?: 'ResendInvitationPayload', grant?: { __typename?: 'ShareGrant', id: string, invitationSentAt?: string | null, invitationExpiresAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type ActivityEntryFieldsFragment = { __typename?: 'Activity', id: string, kind: ActivityKind, at: string, subjectEmail?: string | null, details: unknown, actor?: { __typename?: 'User', id: string, displayName: string } | null };

export type DatasetActivityQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  first?: InputMaybe<Scalars['Int']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DatasetActivityQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, activity?: { __typename?: 'ActivityConnection', edges: Array<{ __typename?: 'ActivityEdge', cursor: string, node: { __typename?: 'Activity', id: string, kind: ActivityKind, at: string, subjectEmail?: string | null, details: unknown, actor?: { __typename?: 'User', id: string, displayName: string } | null } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } | null } | null };

export type SignUpMutationVariables = Exact<{
  input: SignUpInput;
}>;


export type SignUpMutation = { __typename?: 'Mutation', signUp: { __typename?: 'SignUpPayload', errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type LogInMutationVariables = Exact<{
  input: LogInInput;
}>;


export type LogInMutation = { __typename?: 'Mutation', logIn: { __typename?: 'AuthPayload', user?: { __typename?: 'User', id: string, displayName: string, email?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type VerifyEmailMutationVariables = Exact<{
  input: VerifyEmailInput;
}>;


export type VerifyEmailMutation = { __typename?: 'Mutation', verifyEmail: { __typename?: 'AuthPayload', user?: { __typename?: 'User', id: string, displayName: string, email?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type RequestPasswordResetMutationVariables = Exact<{
  input: RequestPasswordResetInput;
}>;


export type RequestPasswordResetMutation = { __typename?: 'Mutation', requestPasswordReset: { __typename?: 'RequestPasswordResetPayload', errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type ResetPasswordMutationVariables = Exact<{
  input: ResetPasswordInput;
}>;


export type ResetPasswordMutation = { __typename?: 'Mutation', resetPassword: { __typename?: 'AuthPayload', user?: { __typename?: 'User', id: string, displayName: string, email?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type CreateDatasetMutationVariables = Exact<{
  input: CreateDatasetInput;
}>;


export type CreateDatasetMutation = { __typename?: 'Mutation', createDataset: { __typename?: 'CreateDatasetPayload', dataset?: { __typename?: 'Dataset', id: string, name: string, kind: DatasetKind } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DataFileFieldsFragment = { __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string };

export type DatasetPageQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type DatasetPageQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, name: string, description: string, kind: DatasetKind, annotatable: boolean, createdAt: string, uploadStatus: UploadStatus, uploadUrl?: string | null, fileProblems: Array<string>, badges: Array<DatasetBadge>, isPublic: boolean, owner: { __typename?: 'User', id: string, displayName: string }, file?: { __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string } | null, files: Array<{ __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string }>, viewerGrant?: { __typename?: 'ShareGrant', id: string } | null, viewerPermissions: { __typename?: 'DatasetPermissions', canView: boolean, canDownload: boolean, canShare: boolean, canModify: boolean, canSetPublic: boolean, canManageAccess: boolean, canDelete: boolean } } | null };

export type DeleteDatasetMutationVariables = Exact<{
  input: DeleteDatasetInput;
}>;


export type DeleteDatasetMutation = { __typename?: 'Mutation', deleteDataset: { __typename?: 'DeleteDatasetPayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DeleteDatasetFileMutationVariables = Exact<{
  input: DeleteDatasetFileInput;
}>;


export type DeleteDatasetFileMutation = { __typename?: 'Mutation', deleteDatasetFile: { __typename?: 'DatasetPayload', dataset?: { __typename?: 'Dataset', id: string, uploadStatus: UploadStatus, fileProblems: Array<string>, file?: { __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string } | null, files: Array<{ __typename?: 'DataFile', filename: string, contentType: string, sizeBytes: number, sha256: string, downloadUrl: string }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type ShareLinkFieldsFragment = { __typename?: 'ShareLink', id: string, label: string, anonymous: boolean, allowDownload: boolean, expiresAt: string, createdAt: string, revokedAt?: string | null, active: boolean, useCount: number, lastUsedAt?: string | null };

export type ShareLinksQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShareLinksQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, shareLinks?: Array<{ __typename?: 'ShareLink', id: string, label: string, anonymous: boolean, allowDownload: boolean, expiresAt: string, createdAt: string, revokedAt?: string | null, active: boolean, useCount: number, lastUsedAt?: string | null }> | null } | null };

export type CreateShareLinkMutationVariables = Exact<{
  input: CreateShareLinkInput;
}>;


export type CreateShareLinkMutation = { __typename?: 'Mutation', createShareLink: { __typename?: 'CreateShareLinkPayload', url?: string | null, shareLink?: { __typename?: 'ShareLink', id: string, label: string, anonymous: boolean, allowDownload: boolean, expiresAt: string, createdAt: string, revokedAt?: string | null, active: boolean, useCount: number, lastUsedAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type RevokeShareLinkMutationVariables = Exact<{
  input: RevokeShareLinkInput;
}>;


export type RevokeShareLinkMutation = { __typename?: 'Mutation', revokeShareLink: { __typename?: 'RevokeShareLinkPayload', shareLink?: { __typename?: 'ShareLink', id: string, label: string, anonymous: boolean, allowDownload: boolean, expiresAt: string, createdAt: string, revokedAt?: string | null, active: boolean, useCount: number, lastUsedAt?: string | null } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DatasetCardFieldsFragment = { __typename?: 'Dataset', id: string, name: string, kind: DatasetKind, uploadStatus: UploadStatus, fileProblems: Array<string>, badges: Array<DatasetBadge>, owner: { __typename?: 'User', id: string, displayName: string }, file?: { __typename?: 'DataFile', sizeBytes: number } | null, viewerPermissions: { __typename?: 'DatasetPermissions', canShare: boolean, canManageAccess: boolean } };

export type DatasetListQueryVariables = Exact<{
  scope: DatasetScope;
  kind?: InputMaybe<DatasetKind>;
  search?: InputMaybe<Scalars['String']['input']>;
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type DatasetListQuery = { __typename?: 'Query', datasets: { __typename?: 'DatasetConnection', edges: Array<{ __typename?: 'DatasetEdge', cursor: string, node: { __typename?: 'Dataset', id: string, name: string, kind: DatasetKind, uploadStatus: UploadStatus, fileProblems: Array<string>, badges: Array<DatasetBadge>, owner: { __typename?: 'User', id: string, displayName: string }, file?: { __typename?: 'DataFile', sizeBytes: number } | null, viewerPermissions: { __typename?: 'DatasetPermissions', canShare: boolean, canManageAccess: boolean } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } };

export type DatasetByLinkQueryVariables = Exact<{
  token: Scalars['String']['input'];
}>;


export type DatasetByLinkQuery = { __typename?: 'Query', datasetByLink?: { __typename?: 'Dataset', id: string, name: string, description: string, kind: DatasetKind, annotatable: boolean, createdAt: string, owner: { __typename?: 'User', id: string, displayName: string }, file?: { __typename?: 'DataFile', filename: string, sizeBytes: number, downloadUrl: string } | null, files: Array<{ __typename?: 'DataFile', filename: string, sizeBytes: number, downloadUrl: string }>, viewerPermissions: { __typename?: 'DatasetPermissions', canView: boolean, canDownload: boolean }, annotations: { __typename?: 'AnnotationConnection', edges: Array<{ __typename?: 'AnnotationEdge', node: { __typename?: 'Annotation', id: string, label: string, note: string, color: string, geometry: unknown, viewerCanEdit: boolean, author: { __typename?: 'User', id: string, displayName: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean } } } | null };

export type ShareDialogQueryVariables = Exact<{
  id: Scalars['ID']['input'];
}>;


export type ShareDialogQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, name: string, annotatable: boolean, isPublic: boolean, viewerPermissions: { __typename?: 'DatasetPermissions', canShare: boolean, canModify: boolean, canSetPublic: boolean }, viewerGrant?: { __typename?: 'ShareGrant', id: string, expiresAt?: string | null } | null } | null, teams: Array<{ __typename?: 'Team', id: string, name: string }> };

export type DatasetStatusFieldsFragment = { __typename?: 'Dataset', id: string, isPublic: boolean, visibility: Visibility, badges: Array<DatasetBadge> };

export type ShareDatasetMutationVariables = Exact<{
  input: ShareDatasetInput;
}>;


export type ShareDatasetMutation = { __typename?: 'Mutation', shareDataset: { __typename?: 'ShareDatasetPayload', dataset?: { __typename?: 'Dataset', id: string, isPublic: boolean, visibility: Visibility, badges: Array<DatasetBadge> } | null, grants: Array<{ __typename?: 'ShareGrant', id: string, recipientEmail: string, expiresAt?: string | null }>, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type SetPublicMutationVariables = Exact<{
  input: SetPublicInput;
}>;


export type SetPublicMutation = { __typename?: 'Mutation', setPublic: { __typename?: 'SetPublicPayload', dataset?: { __typename?: 'Dataset', id: string, isPublic: boolean, visibility: Visibility, badges: Array<DatasetBadge> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type TeamFieldsFragment = { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> };

export type TeamsQueryVariables = Exact<{ [key: string]: never; }>;


export type TeamsQuery = { __typename?: 'Query', teams: Array<{ __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> }> };

export type CreateTeamMutationVariables = Exact<{
  input: CreateTeamInput;
}>;


export type CreateTeamMutation = { __typename?: 'Mutation', createTeam: { __typename?: 'TeamPayload', team?: { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type UpdateTeamMutationVariables = Exact<{
  input: UpdateTeamInput;
}>;


export type UpdateTeamMutation = { __typename?: 'Mutation', updateTeam: { __typename?: 'TeamPayload', team?: { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DeleteTeamMutationVariables = Exact<{
  input: DeleteTeamInput;
}>;


export type DeleteTeamMutation = { __typename?: 'Mutation', deleteTeam: { __typename?: 'DeleteTeamPayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type AddTeamMembersMutationVariables = Exact<{
  input: AddTeamMembersInput;
}>;


export type AddTeamMembersMutation = { __typename?: 'Mutation', addTeamMembers: { __typename?: 'TeamPayload', team?: { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type UpdateTeamMemberMutationVariables = Exact<{
  input: UpdateTeamMemberInput;
}>;


export type UpdateTeamMemberMutation = { __typename?: 'Mutation', updateTeamMember: { __typename?: 'TeamPayload', team?: { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type RemoveTeamMemberMutationVariables = Exact<{
  input: RemoveTeamMemberInput;
}>;


export type RemoveTeamMemberMutation = { __typename?: 'Mutation', removeTeamMember: { __typename?: 'TeamPayload', team?: { __typename?: 'Team', id: string, name: string, description: string, viewerRole?: TeamRole | null, members: Array<{ __typename?: 'TeamMember', email: string, role: TeamRole, pending: boolean, joinedAt?: string | null, user?: { __typename?: 'User', id: string, displayName: string } | null }> } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type AnnotationFieldsFragment = { __typename?: 'Annotation', id: string, label: string, note: string, color: string, geometry: unknown, viewerCanEdit: boolean, author: { __typename?: 'User', id: string, displayName: string } };

export type AnnotationsQueryVariables = Exact<{
  id: Scalars['ID']['input'];
  after?: InputMaybe<Scalars['String']['input']>;
}>;


export type AnnotationsQuery = { __typename?: 'Query', dataset?: { __typename?: 'Dataset', id: string, annotations: { __typename?: 'AnnotationConnection', edges: Array<{ __typename?: 'AnnotationEdge', cursor: string, node: { __typename?: 'Annotation', id: string, label: string, note: string, color: string, geometry: unknown, viewerCanEdit: boolean, author: { __typename?: 'User', id: string, displayName: string } } }>, pageInfo: { __typename?: 'PageInfo', hasNextPage: boolean, endCursor?: string | null } } } | null };

export type CreateAnnotationMutationVariables = Exact<{
  input: CreateAnnotationInput;
}>;


export type CreateAnnotationMutation = { __typename?: 'Mutation', createAnnotation: { __typename?: 'AnnotationPayload', annotation?: { __typename?: 'Annotation', id: string, label: string, note: string, color: string, geometry: unknown, viewerCanEdit: boolean, author: { __typename?: 'User', id: string, displayName: string } } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type UpdateAnnotationMutationVariables = Exact<{
  input: UpdateAnnotationInput;
}>;


export type UpdateAnnotationMutation = { __typename?: 'Mutation', updateAnnotation: { __typename?: 'AnnotationPayload', annotation?: { __typename?: 'Annotation', id: string, label: string, note: string, color: string, geometry: unknown, viewerCanEdit: boolean, author: { __typename?: 'User', id: string, displayName: string } } | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export type DeleteAnnotationMutationVariables = Exact<{
  input: DeleteAnnotationInput;
}>;


export type DeleteAnnotationMutation = { __typename?: 'Mutation', deleteAnnotation: { __typename?: 'DeleteAnnotationPayload', deletedId?: string | null, errors: Array<{ __typename?: 'UserError', code: ErrorCode, message: string, field?: string | null }> } };

export const UserErrorFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UserErrorFieldsFragment, unknown>;
export const DatasetNameFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetNameFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]} as unknown as DocumentNode<DatasetNameFieldsFragment, unknown>;
export const ViewerFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]} as unknown as DocumentNode<ViewerFieldsFragment, unknown>;
export const DatasetAccessFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChange"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitationSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<DatasetAccessFieldsFragment, unknown>;
export const ActivityEntryFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectEmail"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]} as unknown as DocumentNode<ActivityEntryFieldsFragment, unknown>;
export const DataFileFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<DataFileFieldsFragment, unknown>;
export const ShareLinkFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShareLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ShareLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"allowDownload"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<ShareLinkFieldsFragment, unknown>;
export const DatasetCardFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canManageAccess"}}]}}]}}]} as unknown as DocumentNode<DatasetCardFieldsFragment, unknown>;
export const DatasetStatusFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}}]}}]} as unknown as DocumentNode<DatasetStatusFieldsFragment, unknown>;
export const TeamFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<TeamFieldsFragment, unknown>;
export const AnnotationFieldsFragmentDoc = {"kind":"Document","definitions":[{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnnotationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Annotation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<AnnotationFieldsFragment, unknown>;
export const DatasetEventsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"DatasetEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetEvents"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"datasetId"}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetCardFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canManageAccess"}}]}}]}}]} as unknown as DocumentNode<DatasetEventsSubscription, DatasetEventsSubscriptionVariables>;
export const FollowDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"FollowDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetCardFields"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canManageAccess"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<FollowDatasetSubscription, FollowDatasetSubscriptionVariables>;
export const ViewerDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Viewer"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"me"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}}]} as unknown as DocumentNode<ViewerQuery, ViewerQueryVariables>;
export const LogOutDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logOut"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<LogOutMutation, LogOutMutationVariables>;
export const AccessDialogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"AccessDialog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"annotatable"}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canSetPublic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetAccessFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChange"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitationSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}}]}}]}}]}}]} as unknown as DocumentNode<AccessDialogQuery, AccessDialogQueryVariables>;
export const UpdateGrantDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateGrant"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateGrantInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateGrant"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetAccessFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChange"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitationSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UpdateGrantMutation, UpdateGrantMutationVariables>;
export const RevokeAccessDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeAccess"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeAccessInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeAccess"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetStatusFields"}},{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetAccessFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"revokedGrantIds"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetAccessFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"access"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"entries"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanChange"}},{"kind":"Field","name":{"kind":"Name","value":"expired"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitationSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RevokeAccessMutation, RevokeAccessMutationVariables>;
export const ResendInvitationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResendInvitation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResendInvitationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resendInvitation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"grant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"invitationSentAt"}},{"kind":"Field","name":{"kind":"Name","value":"invitationExpiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ResendInvitationMutation, ResendInvitationMutationVariables>;
export const DatasetActivityDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DatasetActivity"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"activity"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ActivityEntryFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ActivityEntryFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Activity"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"actor"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"subjectEmail"}},{"kind":"Field","name":{"kind":"Name","value":"details"}}]}}]} as unknown as DocumentNode<DatasetActivityQuery, DatasetActivityQueryVariables>;
export const SignUpDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SignUp"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SignUpInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"signUp"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<SignUpMutation, SignUpMutationVariables>;
export const LogInDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"LogIn"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"LogInInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"logIn"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<LogInMutation, LogInMutationVariables>;
export const VerifyEmailDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"VerifyEmail"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"VerifyEmailInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyEmail"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<VerifyEmailMutation, VerifyEmailMutationVariables>;
export const RequestPasswordResetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RequestPasswordReset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RequestPasswordResetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"requestPasswordReset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RequestPasswordResetMutation, RequestPasswordResetMutationVariables>;
export const ResetPasswordDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ResetPassword"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ResetPasswordInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"resetPassword"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ViewerFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ViewerFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"User"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}},{"kind":"Field","name":{"kind":"Name","value":"email"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ResetPasswordMutation, ResetPasswordMutationVariables>;
export const CreateDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CreateDatasetMutation, CreateDatasetMutationVariables>;
export const DatasetPageDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DatasetPage"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"annotatable"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"uploadUrl"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canView"}},{"kind":"Field","name":{"kind":"Name","value":"canDownload"}},{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"canSetPublic"}},{"kind":"Field","name":{"kind":"Name","value":"canManageAccess"}},{"kind":"Field","name":{"kind":"Name","value":"canDelete"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}}]} as unknown as DocumentNode<DatasetPageQuery, DatasetPageQueryVariables>;
export const DeleteDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<DeleteDatasetMutation, DeleteDatasetMutationVariables>;
export const DeleteDatasetFileDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteDatasetFile"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteDatasetFileInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteDatasetFile"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DataFileFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DataFileFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"DataFile"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"contentType"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"sha256"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<DeleteDatasetFileMutation, DeleteDatasetFileMutationVariables>;
export const ShareLinksDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareLinks"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"shareLinks"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShareLinkFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShareLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ShareLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"allowDownload"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}}]} as unknown as DocumentNode<ShareLinksQuery, ShareLinksQueryVariables>;
export const CreateShareLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShareLinkFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"url"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShareLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ShareLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"allowDownload"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CreateShareLinkMutation, CreateShareLinkMutationVariables>;
export const RevokeShareLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RevokeShareLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RevokeShareLinkInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"revokeShareLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareLink"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"ShareLinkFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"ShareLinkFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"ShareLink"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"anonymous"}},{"kind":"Field","name":{"kind":"Name","value":"allowDownload"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"revokedAt"}},{"kind":"Field","name":{"kind":"Name","value":"active"}},{"kind":"Field","name":{"kind":"Name","value":"useCount"}},{"kind":"Field","name":{"kind":"Name","value":"lastUsedAt"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RevokeShareLinkMutation, RevokeShareLinkMutationVariables>;
export const DatasetListDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DatasetList"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"scope"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DatasetScope"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"kind"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"DatasetKind"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"search"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasets"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"scope"},"value":{"kind":"Variable","name":{"kind":"Name","value":"scope"}}},{"kind":"Argument","name":{"kind":"Name","value":"kind"},"value":{"kind":"Variable","name":{"kind":"Name","value":"kind"}}},{"kind":"Argument","name":{"kind":"Name","value":"search"},"value":{"kind":"Variable","name":{"kind":"Name","value":"search"}}},{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"20"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetCardFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetCardFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"uploadStatus"}},{"kind":"Field","name":{"kind":"Name","value":"fileProblems"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canManageAccess"}}]}}]}}]} as unknown as DocumentNode<DatasetListQuery, DatasetListQueryVariables>;
export const DatasetByLinkDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"DatasetByLink"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"token"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"datasetByLink"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"token"},"value":{"kind":"Variable","name":{"kind":"Name","value":"token"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"annotatable"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"owner"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}},{"kind":"Field","name":{"kind":"Name","value":"file"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"files"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"filename"}},{"kind":"Field","name":{"kind":"Name","value":"sizeBytes"}},{"kind":"Field","name":{"kind":"Name","value":"downloadUrl"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canView"}},{"kind":"Field","name":{"kind":"Name","value":"canDownload"}}]}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnnotationFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnnotationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Annotation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<DatasetByLinkQuery, DatasetByLinkQueryVariables>;
export const ShareDialogDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"ShareDialog"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"annotatable"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"viewerPermissions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"canShare"}},{"kind":"Field","name":{"kind":"Name","value":"canModify"}},{"kind":"Field","name":{"kind":"Name","value":"canSetPublic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"viewerGrant"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}}]}}]}}]} as unknown as DocumentNode<ShareDialogQuery, ShareDialogQueryVariables>;
export const ShareDatasetDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"ShareDataset"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ShareDatasetInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"shareDataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"grants"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"recipientEmail"}},{"kind":"Field","name":{"kind":"Name","value":"expiresAt"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<ShareDatasetMutation, ShareDatasetMutationVariables>;
export const SetPublicDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"SetPublic"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"SetPublicInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"setPublic"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"DatasetStatusFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"DatasetStatusFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Dataset"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"isPublic"}},{"kind":"Field","name":{"kind":"Name","value":"visibility"}},{"kind":"Field","name":{"kind":"Name","value":"badges"}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<SetPublicMutation, SetPublicMutationVariables>;
export const TeamsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"teams"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}}]} as unknown as DocumentNode<TeamsQuery, TeamsQueryVariables>;
export const CreateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CreateTeamMutation, CreateTeamMutationVariables>;
export const UpdateTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UpdateTeamMutation, UpdateTeamMutationVariables>;
export const DeleteTeamDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteTeam"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteTeamInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteTeam"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<DeleteTeamMutation, DeleteTeamMutationVariables>;
export const AddTeamMembersDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"AddTeamMembers"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"AddTeamMembersInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"addTeamMembers"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<AddTeamMembersMutation, AddTeamMembersMutationVariables>;
export const UpdateTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UpdateTeamMemberMutation, UpdateTeamMemberMutationVariables>;
export const RemoveTeamMemberDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"RemoveTeamMember"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"RemoveTeamMemberInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"removeTeamMember"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"team"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"TeamFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"TeamFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Team"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"description"}},{"kind":"Field","name":{"kind":"Name","value":"viewerRole"}},{"kind":"Field","name":{"kind":"Name","value":"members"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"email"}},{"kind":"Field","name":{"kind":"Name","value":"role"}},{"kind":"Field","name":{"kind":"Name","value":"pending"}},{"kind":"Field","name":{"kind":"Name","value":"joinedAt"}},{"kind":"Field","name":{"kind":"Name","value":"user"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<RemoveTeamMemberMutation, RemoveTeamMemberMutationVariables>;
export const AnnotationsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Annotations"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"dataset"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"annotations"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"IntValue","value":"100"}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnnotationFields"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnnotationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Annotation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}}]} as unknown as DocumentNode<AnnotationsQuery, AnnotationsQueryVariables>;
export const CreateAnnotationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CreateAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"CreateAnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"createAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"annotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnnotationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnnotationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Annotation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<CreateAnnotationMutation, CreateAnnotationMutationVariables>;
export const UpdateAnnotationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"UpdateAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"UpdateAnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"updateAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"annotation"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"AnnotationFields"}}]}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"AnnotationFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"Annotation"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"label"}},{"kind":"Field","name":{"kind":"Name","value":"note"}},{"kind":"Field","name":{"kind":"Name","value":"color"}},{"kind":"Field","name":{"kind":"Name","value":"geometry"}},{"kind":"Field","name":{"kind":"Name","value":"viewerCanEdit"}},{"kind":"Field","name":{"kind":"Name","value":"author"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"displayName"}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<UpdateAnnotationMutation, UpdateAnnotationMutationVariables>;
export const DeleteAnnotationDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"DeleteAnnotation"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"DeleteAnnotationInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deleteAnnotation"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"deletedId"}},{"kind":"Field","name":{"kind":"Name","value":"errors"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"FragmentSpread","name":{"kind":"Name","value":"UserErrorFields"}}]}}]}}]}},{"kind":"FragmentDefinition","name":{"kind":"Name","value":"UserErrorFields"},"typeCondition":{"kind":"NamedType","name":{"kind":"Name","value":"UserError"}},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"field"}}]}}]} as unknown as DocumentNode<DeleteAnnotationMutation, DeleteAnnotationMutationVariables>;
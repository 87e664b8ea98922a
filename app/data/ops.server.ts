// What the ops console reads and writes, by area. Routes reach db/ only through *.server.ts
// modules: Remix leaves those out of the browser build, and drizzle and the schema with them.

// Incidents
export { createIncidentByOps } from "../../db/incidents/console/create";
export { getConsoleIncident } from "../../db/incidents/console/detail";
export { incidentFormOptions } from "../../db/incidents/console/form-options";
export { IncidentConsoleError, incidentExists } from "../../db/incidents/console/guards";
export { listConsoleIncidents } from "../../db/incidents/console/list";
export { listOpenIncidents } from "../../db/queries/incidents";

// Detected incidents to review, and those mirrored from providers' feeds
export {
  ConfirmDetectionSchema,
  DismissDetectionSchema,
  MergeDetectionSchema,
  ReviewError,
  confirmDetection,
  countPendingReviews,
  dismissDetection,
  listMergeTargets,
  listOpenMirroredIncidents,
  listPendingDetections,
  listRecentReviews,
  mergeDetection,
} from "../../db/incidents/review";

// Maintenance windows
export {
  MaintenanceError,
  MaintenanceFormSchema,
  cancelMaintenance,
  createMaintenance,
  getMaintenance,
  listMaintenanceBoard,
  listProviderChoices,
  msToIndiaTime,
  updateMaintenance,
  type ConsoleMaintenance,
} from "../../db/maintenance/console";

// The recommended-action library
export {
  ActionFormSchema,
  LibraryError,
  MOVE_DIRECTIONS,
  createAction,
  deleteAction,
  getAction,
  listActionLibrary,
  listScopeChoices,
  moveAction,
  updateAction,
  type LibraryAction,
} from "../../db/actions/library";

// People and their invites
export { DuplicateEmailError, acceptInvite, findInvite } from "../../db/users/accounts";
export { UserChangeRefusedError, changeUserDisabled, changeUserRole, inviteUser, listManagedUsers, renewInvite, type IssuedInvite } from "../../db/users/admin";

// The audit log
export { AUDIT_PAGE_SIZE, listAuditEntries, listAuditFilterOptions, type AuditPage, type ChangeSide } from "../../db/queries/audit";

// Merchants, to open their pages read-only
export { MERCHANT_DIRECTORY_LIMIT, listDirectoryMerchants } from "../../db/merchants/directory";

// Subscribers to incident and maintenance news, with their delivery logs
export {
  DELIVERY_LOG_LIMIT,
  SUBSCRIBER_LIST_LIMIT,
  SubscriberConsoleError,
  deleteSubscriber,
  enableSubscriber,
  getConsoleSubscriber,
  listConsoleSubscribers,
  type ConsoleSubscriber,
  type DeliveryLogEntry,
} from "../../db/subscriptions/ops";

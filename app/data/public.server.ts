// The read models behind the public pages. Routes reach db/ only through *.server.ts
// modules: Remix leaves those out of the browser build, and drizzle and the schema with them.

export { listCategories, listProviders } from "../../db/queries/catalogue";
export { getHelpContent } from "../../db/queries/help";
export { getHistoryPage } from "../../db/queries/history";
export { getIncidentPage } from "../../db/queries/incident-page";
export { getProviderPage } from "../../db/queries/provider-page";
export { getStatusPage } from "../../db/queries/status-page";

// What the readiness pages read and write. Routes reach db/ only through *.server.ts
// modules: Remix leaves those out of the browser build, and drizzle with them.

export { createCampaign, deleteCampaign, getCampaign, updateCampaign } from "../../db/readiness/campaigns";
export { readinessCsv, readinessCsvFilename } from "../../db/readiness/csv";
export { CampaignFormSchema, ReportFormSchema } from "../../db/readiness/forms";
export { getReadinessPage } from "../../db/readiness/page";
export type { CalendarEntry } from "../../db/readiness/periods";
export { generateReport, ReadinessError } from "../../db/readiness/report";
export { readinessMessage } from "../../db/readiness/rules/wording";
export { compareSnapshots, getSnapshot } from "../../db/readiness/snapshots";

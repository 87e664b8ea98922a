import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("scheduled-maintenances/upcoming");
export const action = readOnlyAction;

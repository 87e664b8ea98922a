import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("scheduled-maintenances/active");
export const action = readOnlyAction;

import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("scheduled-maintenances");
export const action = readOnlyAction;

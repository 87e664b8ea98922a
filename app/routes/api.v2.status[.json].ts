import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("status");
export const action = readOnlyAction;

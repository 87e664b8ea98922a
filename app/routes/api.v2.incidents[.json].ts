import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("incidents");
export const action = readOnlyAction;

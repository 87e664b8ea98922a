import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("incidents/unresolved");
export const action = readOnlyAction;

import { readOnlyAction, statuspageLoader } from "~/statuspage/endpoints.server";

export const loader = statuspageLoader("components");
export const action = readOnlyAction;

import { openApiLoader, readOnlyAction } from "~/statuspage/endpoints.server";

export const loader = openApiLoader;
export const action = readOnlyAction;

// Scheduling is the edit form with nothing in it yet; see ops.maintenance.$id.tsx.
export { action, default, links, loader, meta } from "./ops.maintenance.$id";

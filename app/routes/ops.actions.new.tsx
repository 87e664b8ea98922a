// Adding is the edit form with nothing in it yet; see ops.actions.$id.tsx.
export { action, default, links, loader, meta } from "./ops.actions.$id";

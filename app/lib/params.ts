// A route's `:id`. An id that is not a positive whole number names nothing, so it is a
// 404 like an id that names nothing, never a 400 or a 500.

import { z } from "zod";

const IdParams = z.object({ id: z.coerce.number().int().positive() });
const OptionalIdParams = IdParams.partial();

export function idParam(params: Record<string, string | undefined>, notFound: string): number {
  const parsed = IdParams.safeParse(params);
  if (!parsed.success) throw new Response(notFound, { status: 404 });
  return parsed.data.id;
}

/** For a module that serves both /new (no id: null) and /:id. */
export function optionalIdParam(params: Record<string, string | undefined>, notFound: string): number | null {
  const parsed = OptionalIdParams.safeParse(params);
  if (!parsed.success) throw new Response(notFound, { status: 404 });
  return parsed.data.id ?? null;
}

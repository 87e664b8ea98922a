import type { LoaderFunctionArgs } from "@remix-run/node";
import { getSnapshot, readinessCsv, readinessCsvFilename } from "~/data/readiness.server";
import { negotiateLocale, VARY_ON_LANGUAGE } from "~/i18n/negotiate.server";
import { idParam } from "~/lib/params";
import { requireMerchantViewer } from "~/merchant/session.server";

const NOT_FOUND = "Report not found";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const viewer = await requireMerchantViewer(request, context);
  // Another merchant's report answers exactly as one that does not exist.
  const snapshot = getSnapshot(context.db, viewer.merchantId, idParam(params, NOT_FOUND));
  if (!snapshot) throw new Response(NOT_FOUND, { status: 404, headers: { "Cache-Control": "private, no-store" } });
  const filename = readinessCsvFilename(snapshot);
  return new Response(readinessCsv(snapshot, negotiateLocale(request)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      Vary: VARY_ON_LANGUAGE,
    },
  });
}

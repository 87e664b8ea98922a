import type { AffectedMerchant } from "../../../../db/incidents/console/affected-merchants";
import { localize } from "~/lib/labels";
import { IncidentSection } from "./IncidentSection";
import type { IncidentPageData } from "./types";

function RightNow({ connection }: { connection: AffectedMerchant["connections"][number] }) {
  if (connection.checkState === "down") return <strong>Failing{connection.cause ? `: ${localize(connection.cause)}` : ""}</strong>;
  if (connection.checkState === "degraded") return <>Degraded</>;
  if (connection.checkState === "ok") return <>Working</>;
  return <span className="muted">No confirmed result yet</span>;
}

function MerchantTable({ merchants, caption }: { merchants: AffectedMerchant[]; caption: string }) {
  return (
    <table className="data-table merchants">
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Merchant</th>
          <th scope="col">Provider</th>
          <th scope="col">Right now</th>
        </tr>
      </thead>
      <tbody>
        {merchants.flatMap((m) =>
          m.connections.map((c, i) => (
            <tr key={`${m.id}-${i}`} className={c.checkState === "down" ? "merchant--failing" : undefined}>
              <td>
                {m.name} <span className="muted">({m.externalId})</span>
              </td>
              <td>
                {c.provider}
                {c.state === "disconnected" ? <span className="muted"> (disconnected)</span> : null}
              </td>
              <td>
                <RightNow connection={c} />
              </td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}

/** Failing merchants are the ones to act on; the others stay folded away, counted. */
export function AffectedMerchants({ data }: { data: IncidentPageData }) {
  const { total, failing, merchants } = data.incident.merchants;
  const failingNow = merchants.filter((m) => m.failing);
  const others = merchants.filter((m) => !m.failing);
  return (
    <IncidentSection id="merchants" title="Affected merchants">
      <p>
        <strong>{total}</strong> merchant{total === 1 ? " has" : "s have"} a connection to the affected providers;{" "}
        <strong>{failing}</strong> {failing === 1 ? "is" : "are"} failing now.
      </p>
      {merchants.length < total ? <p className="hint">Listing the first {merchants.length}, failing merchants first.</p> : null}
      {failingNow.length > 0 ? <MerchantTable merchants={failingNow} caption="Merchants failing now" /> : null}
      {others.length > 0 ? (
        <details className="merchants-others">
          <summary>
            {others.length} merchant{others.length === 1 ? "" : "s"} not failing now
          </summary>
          <MerchantTable merchants={others} caption="Merchants not failing now" />
        </details>
      ) : null}
    </IncidentSection>
  );
}

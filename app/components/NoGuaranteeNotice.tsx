/** The plain statement of what ShopIQ can and cannot promise about third-party providers. */
export function NoGuaranteeNotice({ compact = false }: { compact?: boolean }) {
  return (
    <aside className={compact ? "notice notice--compact" : "notice"} aria-labelledby="no-guarantee-title">
      <h2 id="no-guarantee-title" className="notice__title">
        What ShopIQ can and cannot promise
      </h2>
      <p>
        Payment gateways, couriers, WhatsApp providers, analytics, advertising platforms and marketplaces are run by
        other companies. ShopIQ does not guarantee their uptime, pricing, approvals, policy changes, delivery
        performance, settlement timelines or data availability. ShopIQ provides the integration layer where it is
        supported, and shows here what we know about each provider.
      </p>
      {compact ? null : (
        <p>
          Watch your integrations especially before campaigns, launches and high-order periods such as sales and
          festivals, and check the steps for your provider when something stops working.
        </p>
      )}
    </aside>
  );
}

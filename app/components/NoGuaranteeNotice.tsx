import { useI18n } from "~/i18n/page-i18n";

/** The plain statement of what ShopIQ can and cannot promise about third-party providers. */
export function NoGuaranteeNotice({ compact = false }: { compact?: boolean }) {
  const { t } = useI18n();
  return (
    <aside className={compact ? "notice notice--compact" : "notice"} aria-labelledby="no-guarantee-title">
      <h2 id="no-guarantee-title" className="notice__title">
        {t("noGuarantee.title")}
      </h2>
      <p>{t("noGuarantee.text")}</p>
      {compact ? null : <p>{t("noGuarantee.watch")}</p>}
    </aside>
  );
}

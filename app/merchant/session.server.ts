import { createCookie, redirect, type AppLoadContext, type Cookie } from "@remix-run/node";
import { currentUser } from "../auth/session.server";
import { translatorFor } from "../i18n/negotiate.server";
import {
  endMerchantSession,
  findMerchant,
  MERCHANT_SESSION_LIFETIME_MS,
  merchantOfSession,
  redeemMerchantLink,
  startMerchantSession,
  type LinkRefusal,
} from "../../db/merchants/sso";

export const MERCHANT_COOKIE_NAME = "merchant_session";
export const GENERATED_MERCHANT_SSO_SECRET_FILE = "merchant-sso-secret";

/** Who is looking at a merchant's pages: the merchant, or ops reading them without changing anything. */
export interface MerchantViewer {
  merchantId: number;
  externalId: string;
  merchantName: string;
  readOnly: boolean;
  /** "" for the merchant; "?merchant=<id>" for ops, to append to links so they stay on this merchant. */
  viewQuery: string;
}

/** A separate cookie from the ops console's: a merchant's link never signs anyone into ops, nor the other way round. */
export function createMerchantCookie(secrets: string[]): Cookie {
  return createCookie(MERCHANT_COOKIE_NAME, { httpOnly: true, sameSite: "lax", path: "/", maxAge: MERCHANT_SESSION_LIFETIME_MS / 1000, secrets });
}

function servedOverHttps(request: Request): boolean {
  return new URL(request.url).protocol === "https:" || request.headers.get("x-forwarded-proto") === "https";
}

async function merchantToken(request: Request, context: AppLoadContext): Promise<string | null> {
  const value: unknown = await context.auth.merchantCookie.parse(request.headers.get("cookie"));
  return typeof value === "string" ? value : null;
}

const MERCHANT_ID_PARAM = /^\d{1,12}$/;

/**
 * The merchant whose pages these are. The id comes from the merchant's session, never
 * from the URL: `?merchant=` is honoured only for a signed-in ops user, who then reads
 * the pages and cannot change them.
 */
export async function requireMerchantViewer(request: Request, context: AppLoadContext): Promise<MerchantViewer> {
  const asked = new URL(request.url).searchParams.get("merchant");
  if (asked !== null) {
    const user = await currentUser(request, context);
    if (user) {
      const found = MERCHANT_ID_PARAM.test(asked) ? findMerchant(context.db, Number(asked)) : null;
      if (!found) throw new Response(translatorFor(request).t("merchant.errors.noSuchMerchant"), { status: 404 });
      return { merchantId: found.id, externalId: found.externalId, merchantName: found.name, readOnly: true, viewQuery: `?merchant=${found.id}` };
    }
  }
  const token = await merchantToken(request, context);
  const merchant = token ? merchantOfSession(context.db, token, Date.now()) : null;
  if (merchant) return { merchantId: merchant.id, externalId: merchant.externalId, merchantName: merchant.name, readOnly: false, viewQuery: "" };
  if (await currentUser(request, context)) throw redirect("/ops/merchants");
  throw new Response(translatorFor(request).t("merchant.errors.signIn"), { status: 401 });
}

/** As requireMerchantViewer, for actions: ops viewing a merchant read-only get 403. */
export async function requireMerchantEditor(request: Request, context: AppLoadContext): Promise<MerchantViewer> {
  const viewer = await requireMerchantViewer(request, context);
  if (viewer.readOnly) throw new Response(translatorFor(request).t("merchant.errors.readOnly"), { status: 403 });
  return viewer;
}

/** Redeems a signed link: a session cookie and a redirect to the merchant's pages, or the reason it is refused. */
export async function signInWithLink(request: Request, context: AppLoadContext): Promise<{ response: Response } | { refusal: LinkRefusal }> {
  const query = new URL(request.url).searchParams;
  const checked = redeemMerchantLink(context.db, context.auth.merchantSsoSecrets, query, Date.now());
  if (!checked.ok) return { refusal: checked.refusal };
  const previous = await merchantToken(request, context);
  if (previous) endMerchantSession(context.db, previous);
  const token = startMerchantSession(context.db, checked.merchantId, Date.now());
  const cookie = await context.auth.merchantCookie.serialize(token, { secure: servedOverHttps(request) });
  return { response: redirect("/merchant", { headers: { "Set-Cookie": cookie } }) };
}

export async function signOutMerchant(request: Request, context: AppLoadContext): Promise<Response> {
  const token = await merchantToken(request, context);
  if (token) endMerchantSession(context.db, token);
  const cookie = await context.auth.merchantCookie.serialize("", { maxAge: 0, secure: servedOverHttps(request) });
  return redirect("/merchant/signed-out", { headers: { "Set-Cookie": cookie } });
}

// A merchant's own campaigns. Every query names the merchant in its where clause: an id
// from a URL or a form that belongs to another merchant finds nothing, exactly like an
// id that does not exist.

import { and, asc, eq } from "drizzle-orm";
import type { Executor } from "../client";
import { merchantCampaign } from "../schema";
import type { CampaignInput } from "./forms";

export interface Campaign {
  id: number;
  name: string;
  startsOn: string;
  endsOn: string;
  expectedOrdersPerDay: number;
}

const columns = {
  id: merchantCampaign.id,
  name: merchantCampaign.name,
  startsOn: merchantCampaign.startsOn,
  endsOn: merchantCampaign.endsOn,
  expectedOrdersPerDay: merchantCampaign.expectedOrdersPerDay,
};

const ownedBy = (merchantId: number, campaignId: number) =>
  and(eq(merchantCampaign.id, campaignId), eq(merchantCampaign.merchantId, merchantId));

/** Every campaign of the merchant, soonest first. */
export function listCampaigns(db: Executor, merchantId: number): Campaign[] {
  return db
    .select(columns)
    .from(merchantCampaign)
    .where(eq(merchantCampaign.merchantId, merchantId))
    .orderBy(asc(merchantCampaign.startsOn), asc(merchantCampaign.id))
    .all();
}

export function getCampaign(db: Executor, merchantId: number, campaignId: number): Campaign | null {
  return db.select(columns).from(merchantCampaign).where(ownedBy(merchantId, campaignId)).get() ?? null;
}

export function createCampaign(db: Executor, merchantId: number, input: CampaignInput): Campaign {
  return db.insert(merchantCampaign).values({ merchantId, ...input }).returning(columns).get();
}

/** The campaign as saved, or null when the merchant has no campaign with this id. */
export function updateCampaign(db: Executor, merchantId: number, campaignId: number, input: CampaignInput): Campaign | null {
  return db.update(merchantCampaign).set(input).where(ownedBy(merchantId, campaignId)).returning(columns).get() ?? null;
}

/** Whether a campaign was deleted. Its saved reports stay, as they were generated. */
export function deleteCampaign(db: Executor, merchantId: number, campaignId: number): boolean {
  return db.delete(merchantCampaign).where(ownedBy(merchantId, campaignId)).run().changes > 0;
}

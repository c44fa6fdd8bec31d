import type { Db, Statement } from "../../platform/db";
import { removePhone } from "../store/phones";
import { removeSubscriptionsOf } from "../store/push-subscriptions";

/** What a deleted account leaves of its channels: nothing. The phone number and push subscriptions go. */
export function channelErasure(db: Db, userId: string): Statement[] {
  return [removePhone(db, userId), removeSubscriptionsOf(db, userId)];
}

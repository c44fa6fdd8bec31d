import { createEvent } from "../../queues/events";

/**
 * What identity emits (all through the outbox, in the same D1 batch as the change they describe).
 * It consumes nothing. Mail is sent by the notifications consumer from these events.
 */
export const identityEvents = {
  userRegistered: (user: { id: string; email: string; name: string }, verificationToken: string) =>
    createEvent("UserRegistered", { userId: user.id, email: user.email, name: user.name, verificationToken }),

  emailVerificationRequested: (user: { id: string; email: string; name: string }, verificationToken: string) =>
    createEvent("EmailVerificationRequested", {
      userId: user.id,
      email: user.email,
      name: user.name,
      verificationToken,
    }),

  userAuthenticated: (userId: string, sessionId: string) => createEvent("UserAuthenticated", { userId, sessionId }),

  passwordResetRequested: (user: { id: string; email: string; name: string }, resetToken: string, expiresAt: number) =>
    createEvent("PasswordResetRequested", {
      userId: user.id,
      email: user.email,
      name: user.name,
      resetToken,
      expiresAt: new Date(expiresAt).toISOString(),
    }),

  passwordChanged: (user: { id: string; email: string; name: string }, reason: "changed" | "reset") =>
    createEvent("PasswordChanged", { userId: user.id, email: user.email, name: user.name, reason }),

  userDeleted: (userId: string) => createEvent("UserDeleted", { userId }),

  sellerRegistered: (seller: { id: string; userId: string; storeName: string; shipsFrom: string }) =>
    createEvent("SellerRegistered", {
      sellerId: seller.id,
      userId: seller.userId,
      storeName: seller.storeName,
      shipsFrom: seller.shipsFrom,
    }),
};

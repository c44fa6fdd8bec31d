import { createEvent } from "../../queues/events";
import type { ClientInfo } from "./context";

type Account = { id: string; email: string; name: string };
const account = (user: Account) => ({ userId: user.id, email: user.email, name: user.name });
/** Events carry where a request came from, not which request it was. */
const deviceOf = ({ ip, userAgent }: ClientInfo) => ({ ip, userAgent });

/**
 * What identity emits (all through the outbox, atomically with the change they describe).
 * It consumes nothing. Mail is sent by the notifications consumer from these events; the tokens mailed
 * for verification and password reset are minted at send time (recovery.ts), never carried in an event.
 */
export const identityEvents = {
  userRegistered: (user: Account) => createEvent("UserRegistered", account(user)),

  emailVerificationRequested: (user: Account) => createEvent("EmailVerificationRequested", account(user)),

  emailVerified: (user: Account) => createEvent("EmailVerified", account(user)),

  /** `from` only for a sign-in from a device the account never used before: the owner gets a security mail. */
  userAuthenticated: (userId: string, sessionId: string, newDeviceFrom?: ClientInfo) =>
    createEvent("UserAuthenticated", {
      userId,
      sessionId,
      ...(newDeviceFrom ? { newDevice: true, signedInFrom: deviceOf(newDeviceFrom) } : {}),
    }),

  passwordResetRequested: (email: string, requestedFrom: ClientInfo) =>
    createEvent("PasswordResetRequested", { email, requestedFrom: deviceOf(requestedFrom) }),

  passwordChanged: (user: Account, reason: "changed" | "reset") =>
    createEvent("PasswordChanged", { ...account(user), reason }),

  userDeleted: (userId: string) => createEvent("UserDeleted", { userId }),

  /** An admin suspended the account: the catalog withholds its seller's listings from sale. */
  userSuspended: (userId: string) => createEvent("UserSuspended", { userId }),

  /** An admin lifted the suspension: the catalog reinstates exactly the listings it withheld. */
  userUnsuspended: (userId: string) => createEvent("UserUnsuspended", { userId }),
};

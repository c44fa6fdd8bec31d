/**
 * The template registry: every notice and mail the module sends, by kind, each in `en` and `de`. Account mail
 * is rendered from here as notices are, in the recipient's language.
 */
export { newSignIn, passwordChanged, passwordReset, verifyEmail, welcome } from "./account";
export { commentReplied, moderationApproved, moderationRemoved } from "./community";
export { inertName, inertProse } from "./inert";
export { orderCancelled, orderConfirmation, paymentFailed, paymentProcessing, refundIssued } from "./orders";
export { orderDelivered, orderShipped } from "./parcels";

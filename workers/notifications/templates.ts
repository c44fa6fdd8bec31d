import type { Config } from "../config";

export interface RenderedMail {
  template: string;
  subject: string;
  text: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

/**
 * A name as mail may show it: anyone can register any address with any name, and mail clients turn
 * URL-, domain- and address-like text into links. Dots, slashes and at signs become look-alikes
 * (one-dot leader, division slash, full-width at) that no autolinker reads as part of a link, in the
 * text part and, through it, the HTML part.
 */
export function inertName(name: string): string {
  return name.replace(/[./@]/g, (ch) => ({ ".": "\u2024", "/": "\u2215", "@": "\uff20" })[ch] ?? ch);
}

/**
 * Prose a reader wrote (a comment's excerpt, a thread's title) as mail may quote it: as `inertName`, but a dot
 * ending a sentence stays a dot; only one inside a word (a domain, `evil.example`) becomes a look-alike.
 */
export function inertProse(text: string): string {
  return text.replace(/\.(?=\S)|[/@]/g, (ch) => ({ ".": "\u2024", "/": "\u2215", "@": "\uff20" })[ch] ?? ch);
}

/** Plain text is the source; the HTML part is the same text, escaped, with links made clickable. */
export function toHtml(text: string): string {
  const body = escapeHtml(text)
    .split("\n\n")
    .map(
      (paragraph) =>
        `<p>${paragraph.replace(/\n/g, "<br>").replace(/(https?:\/\/[^\s<]+)/g, '<a href="$1">$1</a>')}</p>`,
    )
    .join("\n");
  return `<!doctype html><html><body style="font-family:sans-serif">${body}</body></html>`;
}

const tokenLink = (config: Config, path: string, token: string) =>
  `${config.PUBLIC_BASE_URL}${path}?token=${encodeURIComponent(token)}`;

/**
 * Verification and reset mail may reach an address whose owner never signed up (anyone can type any address),
 * so they greet nobody by name: they carry no text the sender chose, only the link.
 */
export const templates = {
  welcome(config: Config, data: { name: string }): RenderedMail {
    return {
      template: "welcome",
      subject: "Welcome to Book Bazaar",
      text: `Hello ${inertName(data.name)},\n\nYour email address is confirmed: welcome to Book Bazaar.\n${config.PUBLIC_BASE_URL}\n\nHappy reading!`,
    };
  },

  verifyEmail(config: Config, data: { token: string }): RenderedMail {
    return {
      template: "verify-email",
      subject: "Confirm your email for Book Bazaar",
      text: `Hello,\n\nConfirm your email address for Book Bazaar within 24 hours:\n${tokenLink(config, "/verify-email", data.token)}\n\nVerification code: ${data.token}\n\nIf you did not sign up, ignore this mail: no account is opened with this address until it is confirmed.`,
    };
  },

  passwordReset(config: Config, data: { token: string }): RenderedMail {
    return {
      template: "password-reset",
      subject: "Reset your Book Bazaar password",
      text: `Hello,\n\nSomeone (hopefully you) asked to reset the password of your Book Bazaar account. Choose a new password within 30 minutes:\n${tokenLink(config, "/reset-password", data.token)}\n\nReset code: ${data.token}\n\nThe link works once. If you did not ask for this, ignore this mail: your password stays as it is.`,
    };
  },

  passwordChanged(_config: Config, data: { name: string; reason: "changed" | "reset" }): RenderedMail {
    const how = data.reason === "reset" ? "reset through a password-reset link" : "changed from your account settings";
    return {
      template: "password-changed",
      subject: "Your Book Bazaar password was changed",
      text: `Hello ${inertName(data.name)},\n\nThe password of your Book Bazaar account was just ${how}, and your other sessions were signed out.\n\nIf this was not you, reset your password now and contact support.`,
    };
  },
};

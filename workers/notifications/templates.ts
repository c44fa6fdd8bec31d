import type { Config } from "../config";

export interface RenderedMail {
  template: string;
  subject: string;
  text: string;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch);

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

export const templates = {
  welcome(config: Config, data: { name: string; verificationToken: string }): RenderedMail {
    const link = tokenLink(config, "/verify-email", data.verificationToken);
    return {
      template: "welcome",
      subject: "Welcome to Book Bazaar — please confirm your email",
      text: `Hello ${data.name},\n\nWelcome to Book Bazaar. Confirm your email address within 24 hours:\n${link}\n\nVerification code: ${data.verificationToken}\n\nHappy reading!`,
    };
  },

  verifyEmail(config: Config, data: { name: string; verificationToken: string }): RenderedMail {
    return {
      template: "verify-email",
      subject: "Confirm your email for Book Bazaar",
      text: `Hello ${data.name},\n\nConfirm your email address within 24 hours:\n${tokenLink(config, "/verify-email", data.verificationToken)}\n\nVerification code: ${data.verificationToken}\n\nIf you did not ask for this, ignore this mail.`,
    };
  },

  passwordReset(config: Config, data: { name: string; resetToken: string }): RenderedMail {
    return {
      template: "password-reset",
      subject: "Reset your Book Bazaar password",
      text: `Hello ${data.name},\n\nSomeone (hopefully you) asked to reset the password of your Book Bazaar account. Choose a new password within 30 minutes:\n${tokenLink(config, "/reset-password", data.resetToken)}\n\nReset code: ${data.resetToken}\n\nThe link works once. If you did not ask for this, ignore this mail: your password stays as it is.`,
    };
  },

  passwordChanged(_config: Config, data: { name: string; reason: "changed" | "reset" }): RenderedMail {
    const how = data.reason === "reset" ? "reset through a password-reset link" : "changed from your account settings";
    return {
      template: "password-changed",
      subject: "Your Book Bazaar password was changed",
      text: `Hello ${data.name},\n\nThe password of your Book Bazaar account was just ${how}, and your other sessions were signed out.\n\nIf this was not you, reset your password now and contact support.`,
    };
  },
};

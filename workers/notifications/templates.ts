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

export const templates = {
  welcome(config: Config, data: { name: string; verificationToken: string }): RenderedMail {
    const link = `${config.PUBLIC_BASE_URL}/verify-email?token=${encodeURIComponent(data.verificationToken)}`;
    return {
      template: "welcome",
      subject: "Welcome to Book Bazaar — please confirm your email",
      text: `Hello ${data.name},\n\nWelcome to Book Bazaar. Confirm your email address within 24 hours:\n${link}\n\nVerification code: ${data.verificationToken}\n\nHappy reading!`,
    };
  },
};

import { z } from "zod";
import type { Config } from "../../config";
import { defineTemplate } from "../template";
import { inertName, inertProse } from "./inert";

/**
 * Account and security mail: always sent (category `security`, no preference turns it off), straight to the
 * address. Verification and reset mail may reach an address whose owner never signed up (anyone can type any
 * address), so they greet nobody by name: they carry no text the sender chose, only the link.
 */

const tokenLink = (config: Config, path: string, token: string) =>
  `${config.PUBLIC_BASE_URL}${path}?token=${encodeURIComponent(token)}`;

const Token = z.object({ token: z.string().min(1) });

export const welcome = defineTemplate({
  kind: "welcome",
  category: "security",
  placeholders: z.object({}),
  link: (config) => config.PUBLIC_BASE_URL,
  wording: {
    en: (_data, config, recipient) => ({
      subject: "Welcome to Book Bazaar",
      text: `Hello ${inertName(recipient.name)},\n\nYour email address is confirmed: welcome to Book Bazaar.\n${config.PUBLIC_BASE_URL}\n\nHappy reading!`,
      title: "Welcome to Book Bazaar",
      body: "Your email address is confirmed.",
    }),
    de: (_data, config, recipient) => ({
      subject: "Willkommen bei Book Bazaar",
      text: `Hallo ${inertName(recipient.name)},\n\nIhre E-Mail-Adresse ist bestätigt: willkommen bei Book Bazaar.\n${config.PUBLIC_BASE_URL}\n\nViel Freude beim Lesen!`,
      title: "Willkommen bei Book Bazaar",
      body: "Ihre E-Mail-Adresse ist bestätigt.",
    }),
  },
});

export const verifyEmail = defineTemplate({
  kind: "verify-email",
  category: "security",
  placeholders: Token,
  link: (config, data) => tokenLink(config, "/verify-email", data.token),
  wording: {
    en: (data, config) => ({
      subject: "Confirm your email for Book Bazaar",
      text: `Hello,\n\nConfirm your email address for Book Bazaar within 24 hours:\n${tokenLink(config, "/verify-email", data.token)}\n\nVerification code: ${data.token}\n\nIf you did not sign up, ignore this mail: no account is opened with this address until it is confirmed.`,
      title: "Confirm your email",
      body: "Open the link in the mail within 24 hours.",
    }),
    de: (data, config) => ({
      subject: "Bestätigen Sie Ihre E-Mail-Adresse für Book Bazaar",
      text: `Hallo,\n\nbitte bestätigen Sie Ihre E-Mail-Adresse für Book Bazaar innerhalb von 24 Stunden:\n${tokenLink(config, "/verify-email", data.token)}\n\nBestätigungscode: ${data.token}\n\nWenn Sie sich nicht registriert haben, ignorieren Sie diese Mail: Ohne Bestätigung wird mit dieser Adresse kein Konto eröffnet.`,
      title: "Bestätigen Sie Ihre E-Mail-Adresse",
      body: "Öffnen Sie den Link in der Mail innerhalb von 24 Stunden.",
    }),
  },
});

export const passwordReset = defineTemplate({
  kind: "password-reset",
  category: "security",
  placeholders: Token,
  link: (config, data) => tokenLink(config, "/reset-password", data.token),
  wording: {
    en: (data, config) => ({
      subject: "Reset your Book Bazaar password",
      text: `Hello,\n\nSomeone (hopefully you) asked to reset the password of your Book Bazaar account. Choose a new password within 30 minutes:\n${tokenLink(config, "/reset-password", data.token)}\n\nReset code: ${data.token}\n\nThe link works once. If you did not ask for this, ignore this mail: your password stays as it is.`,
      title: "Reset your password",
      body: "Choose a new password within 30 minutes.",
    }),
    de: (data, config) => ({
      subject: "Setzen Sie Ihr Book-Bazaar-Passwort zurück",
      text: `Hallo,\n\njemand (hoffentlich Sie) möchte das Passwort Ihres Book-Bazaar-Kontos zurücksetzen. Wählen Sie innerhalb von 30 Minuten ein neues Passwort:\n${tokenLink(config, "/reset-password", data.token)}\n\nCode zum Zurücksetzen: ${data.token}\n\nDer Link funktioniert einmal. Wenn Sie das nicht angefordert haben, ignorieren Sie diese Mail: Ihr Passwort bleibt, wie es ist.`,
      title: "Passwort zurücksetzen",
      body: "Wählen Sie innerhalb von 30 Minuten ein neues Passwort.",
    }),
  },
});

export const passwordChanged = defineTemplate({
  kind: "password-changed",
  category: "security",
  placeholders: z.object({ reason: z.enum(["changed", "reset"]) }),
  link: () => null,
  wording: {
    en: (data, _config, recipient) => {
      const how =
        data.reason === "reset" ? "reset through a password-reset link" : "changed from your account settings";
      return {
        subject: "Your Book Bazaar password was changed",
        text: `Hello ${inertName(recipient.name)},\n\nThe password of your Book Bazaar account was just ${how}, and your other sessions were signed out.\n\nIf this was not you, reset your password now and contact support.`,
        title: "Your password was changed",
        body: "If this was not you, reset your password now.",
      };
    },
    de: (data, _config, recipient) => {
      const how =
        data.reason === "reset"
          ? "über einen Link zum Zurücksetzen neu gesetzt"
          : "in Ihren Kontoeinstellungen geändert";
      return {
        subject: "Ihr Book-Bazaar-Passwort wurde geändert",
        text: `Hallo ${inertName(recipient.name)},\n\ndas Passwort Ihres Book-Bazaar-Kontos wurde soeben ${how}, und Ihre anderen Sitzungen wurden abgemeldet.\n\nWenn Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück und wenden Sie sich an den Support.`,
        title: "Ihr Passwort wurde geändert",
        body: "Wenn Sie das nicht waren, setzen Sie Ihr Passwort jetzt zurück.",
      };
    },
  },
});

/** When and from where: the time in UTC to the minute. The user agent is whatever the client sent, kept inert. */
const when = (at: string) => `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;

export const newSignIn = defineTemplate({
  kind: "new-sign-in",
  category: "security",
  placeholders: z.object({ at: z.iso.datetime(), ip: z.string().nullable(), userAgent: z.string().nullable() }),
  link: () => null,
  wording: {
    en: (data, _config, recipient) => ({
      subject: "New sign-in to your Book Bazaar account",
      text: [
        `Hello ${inertName(recipient.name)},`,
        "Your Book Bazaar account was just signed in to from a device or browser it had not used before.",
        `Time: ${when(data.at)}\nIP address: ${data.ip ?? "unknown"}\nDevice: ${data.userAgent ? inertProse(data.userAgent) : "unknown"}`,
        "If this was you, there is nothing to do. If not, change your password now: that signs out every other session.",
      ].join("\n\n"),
      title: "New sign-in to your account",
      body: `${when(data.at)} from ${data.ip ?? "an unknown address"}`,
    }),
    de: (data, _config, recipient) => ({
      subject: "Neue Anmeldung bei Ihrem Book-Bazaar-Konto",
      text: [
        `Hallo ${inertName(recipient.name)},`,
        "bei Ihrem Book-Bazaar-Konto hat sich soeben jemand von einem Gerät oder Browser angemeldet, das bisher nicht verwendet wurde.",
        `Zeit: ${when(data.at)}\nIP-Adresse: ${data.ip ?? "unbekannt"}\nGerät: ${data.userAgent ? inertProse(data.userAgent) : "unbekannt"}`,
        "Wenn Sie das waren, ist nichts zu tun. Wenn nicht, ändern Sie jetzt Ihr Passwort: Damit werden alle anderen Sitzungen abgemeldet.",
      ].join("\n\n"),
      title: "Neue Anmeldung bei Ihrem Konto",
      body: `${when(data.at)} von ${data.ip ?? "einer unbekannten Adresse"}`,
    }),
  },
});

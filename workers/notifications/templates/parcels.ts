import { z } from "zod";
import { defineTemplate } from "../template";
import { inertName } from "./inert";
import { orderLink } from "./orders";

/** The buyer's mail about a seller's parcel: shipped with its tracking, delivered (category `orders`). */

export const orderShipped = defineTemplate({
  kind: "order-shipped",
  category: "orders",
  placeholders: z.object({
    orderId: z.string(),
    storeName: z.string(),
    carrier: z.string(),
    trackingNumber: z.string(),
    trackingUrl: z.string().nullable(),
    lines: z.array(z.object({ title: z.string(), quantity: z.number().int().positive() })),
  }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => {
      const store = inertName(data.storeName);
      const books = data.lines.map((line) => `${line.quantity} × ${line.title}`).join("\n");
      return {
        subject: `${store} shipped your Book Bazaar order ${data.orderId}`,
        text: [
          `Hello ${inertName(recipient.name)},`,
          `${store} sent their part of order ${data.orderId}:\n${books}`,
          `Carrier: ${data.carrier}\nTracking number: ${data.trackingNumber}${data.trackingUrl ? `\nTrack it: ${data.trackingUrl}` : ""}`,
          `Your order: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `${data.storeName} shipped your order`,
        body: `${data.carrier}, tracking number ${data.trackingNumber}`,
      };
    },
    de: (data, config, recipient) => {
      const store = inertName(data.storeName);
      const books = data.lines.map((line) => `${line.quantity} × ${line.title}`).join("\n");
      return {
        subject: `${store} hat Ihre Book-Bazaar-Bestellung ${data.orderId} verschickt`,
        text: [
          `Hallo ${inertName(recipient.name)},`,
          `${store} hat den eigenen Teil der Bestellung ${data.orderId} verschickt:\n${books}`,
          `Versand: ${data.carrier}\nSendungsnummer: ${data.trackingNumber}${data.trackingUrl ? `\nSendungsverfolgung: ${data.trackingUrl}` : ""}`,
          `Ihre Bestellung: ${orderLink(config, data.orderId)}`,
        ].join("\n\n"),
        title: `${data.storeName} hat Ihre Bestellung verschickt`,
        body: `${data.carrier}, Sendungsnummer ${data.trackingNumber}`,
      };
    },
  },
});

export const orderDelivered = defineTemplate({
  kind: "order-delivered",
  category: "orders",
  placeholders: z.object({ orderId: z.string(), storeName: z.string() }),
  link: (config, data) => orderLink(config, data.orderId),
  wording: {
    en: (data, config, recipient) => ({
      subject: `Your parcel from ${inertName(data.storeName)} was delivered`,
      text: [
        `Hello ${inertName(recipient.name)},`,
        `${inertName(data.storeName)}'s part of order ${data.orderId} was delivered. Happy reading!`,
        `If something is wrong with it, reply to the seller from your order: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Your parcel from ${data.storeName} was delivered`,
      body: `Part of order ${data.orderId}. Happy reading!`,
    }),
    de: (data, config, recipient) => ({
      subject: `Ihr Paket von ${inertName(data.storeName)} wurde zugestellt`,
      text: [
        `Hallo ${inertName(recipient.name)},`,
        `der Teil der Bestellung ${data.orderId} von ${inertName(data.storeName)} wurde zugestellt. Viel Freude beim Lesen!`,
        `Wenn etwas damit nicht stimmt, schreiben Sie dem Verkäufer aus Ihrer Bestellung heraus: ${orderLink(config, data.orderId)}`,
      ].join("\n\n"),
      title: `Ihr Paket von ${data.storeName} wurde zugestellt`,
      body: `Teil der Bestellung ${data.orderId}. Viel Freude beim Lesen!`,
    }),
  },
});

import { z } from "zod";
import { agreement, emailAddress, oneLineText, optionalPhone, proseText } from "@/lib/forms/fields";

export const MESSAGE_MAX_LENGTH = 5000;

/**
 * The contact form, shared by the react-hook-form client and the server
 * action. It asks only what a reply needs.
 */
export const contactMessageSchema = z
  .strictObject({
    name: oneLineText(100, { required: "Please tell us your name.", tooLong: "Please keep your name under 100 characters.", oneLine: "Please keep your name on one line." }),
    email: emailAddress,
    phone: optionalPhone,
    preferredContact: z.enum(["email", "phone"], { error: "Please choose how you would like to be contacted." }),
    message: proseText(MESSAGE_MAX_LENGTH, {
      required: "Please write a message.",
      tooLong: `Please keep your message under ${MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters.`,
    }),
    consent: agreement("Please agree so that we may contact you about your message."),
  })
  .superRefine((message, ctx) => {
    if (message.preferredContact === "phone" && !message.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Please add a phone number, or choose email instead." });
    }
  });

export type ContactMessageInput = z.input<typeof contactMessageSchema>;
export type ContactField = keyof ContactMessageInput & string;
export const contactFields = ["name", "email", "phone", "preferredContact", "message", "consent"] as const satisfies readonly ContactField[];

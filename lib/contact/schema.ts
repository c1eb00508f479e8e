import { z } from "zod";

export const MESSAGE_MAX_LENGTH = 5000;

/**
 * The contact form, shared by the react-hook-form client and the server
 * action. It asks only what a reply needs.
 */
export const contactMessageSchema = z
  .strictObject({
    name: z
      .string({ error: "Please tell us your name." })
      .trim()
      .min(1, "Please tell us your name.")
      .max(100, "Please keep your name under 100 characters.")
      .regex(/^[^\r\n\u2028\u2029]*$/, "Please keep your name on one line."),
    email: z
      .string({ error: "Please enter your email address." })
      .trim()
      .min(1, "Please enter your email address.")
      .max(254, "That email address is too long.")
      .pipe(z.email("Please enter an email address like name@example.com.")),
    phone: z
      .string()
      .trim()
      .max(30, "Please keep the phone number under 30 characters.")
      .regex(/^[+()\d\s.-]*$/, "Please use only digits, spaces and + ( ) - in the phone number.")
      .optional()
      .transform((value) => value || undefined),
    preferredContact: z.enum(["email", "phone"], { error: "Please choose how you would like to be contacted." }),
    message: z
      .string({ error: "Please write a message." })
      .trim()
      .min(1, "Please write a message.")
      .max(MESSAGE_MAX_LENGTH, `Please keep your message under ${MESSAGE_MAX_LENGTH.toLocaleString("en-US")} characters.`),
    consent: z.literal("yes", { error: "Please agree so that we may contact you about your message." }),
  })
  .superRefine((message, ctx) => {
    if (message.preferredContact === "phone" && !message.phone) {
      ctx.addIssue({ code: "custom", path: ["phone"], message: "Please add a phone number, or choose email instead." });
    }
  });

export type ContactMessageInput = z.input<typeof contactMessageSchema>;
export type ContactField = keyof ContactMessageInput & string;
export const contactFields = ["name", "email", "phone", "preferredContact", "message", "consent"] as const satisfies readonly ContactField[];

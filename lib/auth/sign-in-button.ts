import "server-only";
import { tokenButton } from "@/lib/forms/token-form";
import { spendSignInLink } from "./sign-in-link";

/**
 * "Sign in" on the page an emailed sign-in link opens, behind the door every
 * emailed-token form shares: only this POST spends the link.
 */
export const signInLinkButton = tokenButton("sign-in-confirm").handle(async ({ token }) => ({
  status: "success" as const,
  spent: await spendSignInLink(token),
}));

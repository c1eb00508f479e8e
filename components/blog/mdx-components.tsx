import type { ComponentProps } from "react";
import { BookIntakeCallout, SubscribeCallout } from "./calls-to-action";
import type { SubscribeFormState } from "@/lib/newsletter/subscribe";

// A post may link elsewhere (a study, a book); those links say so and open no
// window of their own, and the visitor's browser is never told where they came from.
function PostLink({ href = "", children, ...rest }: ComponentProps<"a">) {
  const external = /^https?:\/\//.test(href);
  return (
    <a href={href} {...rest} {...(external ? { rel: "noreferrer" } : {})}>
      {children}
    </a>
  );
}

/**
 * The components a post's MDX may use, by the names posts write them. The
 * signup needs its server action, which lives in app/ and is handed in by the
 * post page.
 */
export function postComponents({ subscribeAction, postSlug }: { subscribeAction: (state: SubscribeFormState, formData: FormData) => Promise<SubscribeFormState>; postSlug: string }) {
  return {
    BookIntakeCallout,
    SubscribeCallout: () => <SubscribeCallout action={subscribeAction} postSlug={postSlug} />,
    a: PostLink,
  };
}

/** Names a post may write as <Name />; anything else stops the build. */
export const POST_COMPONENT_NAMES = ["BookIntakeCallout", "SubscribeCallout"] as const;

"use client";

import { ServerForm } from "@/components/forms/server-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { Field } from "@/components/ui/field";
import type { FormResult } from "@/lib/forms/form-result";
import { announcePostSchema, type AnnouncePostField } from "@/lib/newsletter/room-schemas";

type AnnounceResult = FormResult<AnnouncePostField, { issueId: string }>;

/** A draft prefilled from a published post; the action opens it, or says here why not. */
export function AnnouncePostForm({ action, posts }: { action: (state: AnnounceResult, formData: FormData) => Promise<AnnounceResult>; posts: { slug: string; title: string; published: string }[] }) {
  const form = useServerForm<AnnouncePostField, { issueId: string }>({ action, schema: announcePostSchema, defaults: { slug: posts[0]?.slug ?? "" }, idPrefix: "announce", noticeId: "announce-notice" });
  const slug = form.field("slug");
  return (
    <ServerForm form={form} submitLabel="Draft an announcement" pendingLabel="Drafting…" buttonClassName="button button-secondary">
      <Field label="Published post" {...slug.props}>
        <select {...slug.input}>
          {posts.map((post) => (
            <option key={post.slug} value={post.slug}>
              {post.title} ({post.published})
            </option>
          ))}
        </select>
      </Field>
    </ServerForm>
  );
}

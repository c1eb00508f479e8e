import type { PostStatus } from "@/lib/blog/posts";

/** Shown only in development, on a post visitors cannot see yet. */
export function UnpublishedBanner({ status, date }: { status: Exclude<PostStatus, "published">; date: string }) {
  return (
    <div className="notice notice-error unpublished-banner" role="note">
      <p>
        <strong>{status === "draft" ? "Draft" : `Scheduled for ${date}`}.</strong>{" "}
        {status === "draft"
          ? "Only development shows this post. Set draft: false in its frontmatter to publish it."
          : "Only development shows this post until then; the live site publishes it on that day by itself."}
      </p>
    </div>
  );
}

import { ImageResponse } from "next/og";
import { OG_IMAGE_SIZE } from "@/lib/blog/blog-paths";
import { ogImageFonts } from "@/lib/blog/og-fonts";
import { findPostPage, prerenderedSlugs } from "@/lib/blog/posts";
import { practice } from "@/lib/practice/practice";

// A route of our own rather than the opengraph-image file convention, whose
// URL carries a build hash: this address is stable, so the page's metadata
// and its structured data can both name it.
export const dynamic = "force-static";
export const dynamicParams = false;
export const revalidate = 3600;

export function generateStaticParams() {
  return prerenderedSlugs().map((slug) => ({ slug }));
}

/** The card a link preview shows: the post's title in the site's colors, drawn with fonts from the repository. */
export async function GET(_request: Request, { params }: RouteContext<"/blog/[slug]/og-image.png">) {
  const page = findPostPage((await params).slug);
  if (!page) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const { post, series } = page;
  return new ImageResponse(
    (
      <div
        style={{
          width: "100%",
          height: "100%",
          display: "flex",
          flexDirection: "column",
          justifyContent: "space-between",
          padding: "64px 80px 72px",
          background: "#f7f2eb",
          color: "#2d2925",
          fontFamily: "Inter",
          borderTop: "24px solid #3d6a5a",
        }}
      >
        <div style={{ display: "flex", fontSize: 32, color: "#3d6a5a", fontWeight: 600 }}>
          {series.title} · Part {post.part} of {series.total}
        </div>
        <div style={{ display: "flex", fontSize: post.title.length > 60 ? 60 : 72, fontWeight: 600, lineHeight: 1.15, letterSpacing: "-0.02em" }}>
          {post.title}
        </div>
        <div style={{ display: "flex", justifyContent: "space-between", fontSize: 30, color: "#5f564e" }}>
          <span>
            {practice.therapist.name}, {practice.therapist.credentials}
          </span>
          <span>{practice.name}</span>
        </div>
      </div>
    ),
    { ...OG_IMAGE_SIZE, fonts: await ogImageFonts() },
  );
}

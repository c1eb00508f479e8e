import { cookies } from "next/headers";
import { siteUrl } from "@/lib/env";
import { findPrintedFreebie, pdfFileName } from "@/lib/freebies/catalogue";
import { freebiePdf } from "@/lib/freebies/pdf";
import { libraryReader } from "@/lib/newsletter/library";
import { libraryCookie } from "@/lib/newsletter/library-cookie";

/**
 * A freebie's PDF, for a browser holding a library session. Without one the
 * visitor is sent to the library page, which explains how to get in.
 */
export async function GET(_request: Request, { params }: RouteContext<"/freebies/library/download/[slug]">) {
  const { slug } = await params;
  const reader = await libraryReader((await cookies()).get(libraryCookie().name)?.value);
  if (!reader) return Response.redirect(siteUrl("/freebies/library"), 303);
  const freebie = findPrintedFreebie(slug);
  if (!freebie) return new Response("Not found\n", { status: 404, headers: { "Cache-Control": "no-store" } });
  const pdf = await freebiePdf(freebie);
  return new Response(new Blob([pdf as Uint8Array<ArrayBuffer>]).stream(), {
    headers: {
      "Content-Type": "application/pdf",
      "Content-Length": String(pdf.byteLength),
      "Content-Disposition": `attachment; filename="${pdfFileName(freebie)}"`,
      "Cache-Control": "private, no-store",
    },
  });
}

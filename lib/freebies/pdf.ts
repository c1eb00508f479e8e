import "server-only";
import PDFDocument from "pdfkit";
import { contentEnv } from "@/lib/env";
import { officeAddress, phoneForPeople, phoneHref } from "@/lib/practice/contact";
import { practice } from "@/lib/practice/practice";
import { freebieKindLabels, type PageBlock, type PrintedFreebie } from "./schema";

// pdfkit with the standard PDF fonts (Helvetica and Times): their metrics ship
// inside pdfkit and every PDF reader has the fonts, so nothing is fetched,
// nothing is embedded and the files stay small; the text stays real text that
// can be searched, copied and read aloud. WinAnsi covers the content's
// characters, which lib/freebies/schema.ts checks.
const fonts = { heading: "Helvetica-Bold", label: "Helvetica", body: "Times-Roman", italic: "Times-Italic" } as const;
const colors = { ink: "#2d2925", muted: "#5f564e", accent: "#3d6a5a", rule: "#b9aea2", soft: "#e8f0eb", tableHead: "#eef3f0" } as const;

const PAGE = { width: 612, height: 792 }; // US Letter, in points
const MARGIN = 72;
const CONTENT_WIDTH = PAGE.width - 2 * MARGIN;
const WRITING_LINE = 26;

/** Renders a printable freebie: a title page, then its pages, numbered. */
export function renderFreebiePdf(freebie: PrintedFreebie): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: "LETTER",
    margins: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
    bufferPages: true,
    autoFirstPage: true,
    lang: practice.locale,
    displayTitle: true,
    info: {
      Title: freebie.title,
      Author: practice.name,
      Subject: freebie.subtitle,
      Keywords: `${freebieKindLabels[freebie.kind]}, ${practice.name}`,
      Creator: practice.name,
    },
  });
  const chunks: Buffer[] = [];
  const finished = new Promise<Uint8Array>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    doc.on("end", () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on("error", reject);
  });

  titlePage(doc, freebie);
  doc.addPage();
  let promptNumber = 0;
  freebie.blocks.forEach((block, index) => {
    if (block.type === "prompt") promptNumber += 1;
    drawBlock(doc, block, promptNumber, freebie.blocks[index + 1]);
  });
  getInTouch(doc);
  pageFurniture(doc, freebie);
  doc.end();
  return finished;
}

function titlePage(doc: PDFKit.PDFDocument, freebie: PrintedFreebie) {
  doc.fillColor(colors.accent).font(fonts.heading).fontSize(11).text(practice.name.toUpperCase(), MARGIN, MARGIN, { characterSpacing: 1.2 });
  doc
    .moveTo(MARGIN, MARGIN + 22)
    .lineTo(PAGE.width - MARGIN, MARGIN + 22)
    .lineWidth(1)
    .strokeColor(colors.accent)
    .stroke();

  doc.y = 190;
  doc.fillColor(colors.muted).font(fonts.label).fontSize(12).text(freebieKindLabels[freebie.kind].toUpperCase(), { characterSpacing: 1.5 });
  doc.moveDown(0.6);
  doc.fillColor(colors.ink).font(fonts.heading).fontSize(30).text(freebie.title, { lineGap: 4 });
  doc.moveDown(0.5);
  doc.fillColor(colors.muted).font(fonts.italic).fontSize(16).text(freebie.subtitle, { lineGap: 3 });
  doc.moveDown(1.4);
  doc.fillColor(colors.ink).font(fonts.body).fontSize(12.5).text(freebie.summary, { lineGap: 3 });
  doc.moveDown(0.6);
  doc.font(fonts.italic).text(`Time: ${freebie.time}`);

  // The gentle framing and the crisis lines sit at the foot of the title page.
  const crisis = practice.crisisLines.map((line) => `${line.name}: ${line.how}`).join("\n");
  const before =
    "Go at your own pace and skip anything that does not feel right. These pages are for reflection; they are not a substitute for therapy, or for help in a crisis.";
  doc.font(fonts.body).fontSize(11);
  const boxText = CONTENT_WIDTH - 32;
  const height = 16 + 18 + doc.heightOfString(before, { width: boxText, lineGap: 2 }) + 10 + 16 + doc.heightOfString(crisis, { width: boxText, lineGap: 2 }) + 16;
  const top = PAGE.height - MARGIN - 28 - height;
  doc.roundedRect(MARGIN, top, CONTENT_WIDTH, height, 8).fillColor(colors.soft).fill();
  doc.fillColor(colors.ink).font(fonts.heading).fontSize(11).text("Before you begin", MARGIN + 16, top + 16, { width: boxText });
  doc.font(fonts.body).fontSize(11).text(before, { width: boxText, lineGap: 2 });
  doc.moveDown(0.6);
  doc.font(fonts.heading).text("If you are in crisis or in danger, reach out now:", { width: boxText });
  doc.font(fonts.body).text(crisis, { width: boxText, lineGap: 2 });
}

/** Roughly how much of the next block must fit under a heading so the heading is not left alone. */
function leadHeight(doc: PDFKit.PDFDocument, block: PageBlock | undefined): number {
  if (!block) return 0;
  doc.font(fonts.body).fontSize(12.5);
  switch (block.type) {
    case "prompt":
      return doc.heightOfString(block.text, { width: CONTENT_WIDTH - 26, lineGap: 2.5 }) + block.lines * WRITING_LINE + 16;
    case "paragraph":
    case "note":
      return Math.min(doc.heightOfString(block.text, { width: CONTENT_WIDTH, lineGap: 3 }), 70) + 24;
    case "table":
      return tableStartHeight(block);
    case "scale":
      return 110;
    default:
      return 60;
  }
}

function drawBlock(doc: PDFKit.PDFDocument, block: PageBlock, promptNumber: number, next: PageBlock | undefined) {
  const x = MARGIN;
  switch (block.type) {
    case "heading": {
      doc.font(fonts.heading).fontSize(16);
      const headingHeight = doc.heightOfString(block.text, { width: CONTENT_WIDTH }) + 30;
      ensureSpace(doc, headingHeight + leadHeight(doc, next));
      doc.font(fonts.heading).fontSize(16);
      if (doc.y > MARGIN + 1) doc.moveDown(0.9);
      doc.fillColor(colors.accent).text(block.text, x, doc.y, { width: CONTENT_WIDTH });
      doc.moveDown(0.5);
      return;
    }
    case "paragraph": {
      doc.font(fonts.body).fontSize(12.5).fillColor(colors.ink).text(block.text, x, doc.y, { width: CONTENT_WIDTH, lineGap: 3 });
      doc.moveDown(0.7);
      return;
    }
    case "note": {
      doc.font(fonts.italic).fontSize(12);
      const inner = CONTENT_WIDTH - 28;
      const height = doc.heightOfString(block.text, { width: inner, lineGap: 2.5 }) + 24;
      ensureSpace(doc, height + 12);
      const top = doc.y;
      doc.rect(x, top, 3, height).fillColor(colors.accent).fill();
      doc.rect(x + 3, top, CONTENT_WIDTH - 3, height).fillColor(colors.soft).fill();
      doc.fillColor(colors.ink).font(fonts.italic).fontSize(12).text(block.text, x + 16, top + 12, { width: inner, lineGap: 2.5 });
      doc.y = top + height;
      doc.moveDown(0.9);
      return;
    }
    case "prompt": {
      const label = `${promptNumber}.`;
      doc.font(fonts.body).fontSize(12.5);
      const textHeight = doc.heightOfString(block.text, { width: CONTENT_WIDTH - 26, lineGap: 2.5 });
      ensureSpace(doc, textHeight + block.lines * WRITING_LINE + 16);
      const top = doc.y;
      doc.fillColor(colors.accent).font(fonts.heading).fontSize(12.5).text(label, x, top, { width: 24 });
      doc.fillColor(colors.ink).font(fonts.body).fontSize(12.5).text(block.text, x + 26, top, { width: CONTENT_WIDTH - 26, lineGap: 2.5 });
      writingLines(doc, block.lines);
      doc.moveDown(1);
      return;
    }
    case "checklist": {
      doc.font(fonts.body).fontSize(12.5);
      for (const item of block.items) {
        const height = doc.heightOfString(item, { width: CONTENT_WIDTH - 26, lineGap: 2 });
        ensureSpace(doc, height + 8);
        const top = doc.y;
        doc.rect(x + 1, top + 2, 11, 11).lineWidth(1).strokeColor(colors.muted).stroke();
        doc.fillColor(colors.ink).font(fonts.body).fontSize(12.5).text(item, x + 26, top, { width: CONTENT_WIDTH - 26, lineGap: 2 });
        doc.moveDown(0.35);
      }
      doc.moveDown(0.6);
      return;
    }
    case "scale": {
      doc.font(fonts.body).fontSize(12.5);
      ensureSpace(doc, doc.heightOfString(block.text, { width: CONTENT_WIDTH }) + 80);
      doc.fillColor(colors.ink).text(block.text, x, doc.y, { width: CONTENT_WIDTH, lineGap: 2.5 });
      doc.moveDown(0.8);
      const top = doc.y;
      const step = CONTENT_WIDTH / 11;
      for (let n = 0; n <= 10; n += 1) {
        const cx = x + step * n + step / 2;
        doc.circle(cx, top + 13, 12).lineWidth(1).strokeColor(colors.muted).stroke();
        doc.fillColor(colors.ink).font(fonts.label).fontSize(11).text(String(n), cx - 12, top + 8, { width: 24, align: "center" });
      }
      doc.fillColor(colors.muted).font(fonts.label).fontSize(10);
      doc.text(block.low, x, top + 32, { width: CONTENT_WIDTH / 2 });
      doc.text(block.high, x + CONTENT_WIDTH / 2, top + 32, { width: CONTENT_WIDTH / 2, align: "right" });
      doc.x = x;
      doc.y = top + 52;
      doc.moveDown(0.6);
      return;
    }
    case "table": {
      drawTable(doc, block);
      return;
    }
  }
}

function writingLines(doc: PDFKit.PDFDocument, count: number) {
  let y = doc.y + 4;
  for (let line = 0; line < count; line += 1) {
    y += WRITING_LINE;
    doc
      .moveTo(MARGIN + 26, y)
      .lineTo(PAGE.width - MARGIN, y)
      .lineWidth(0.6)
      .strokeColor(colors.rule)
      .stroke();
  }
  doc.x = MARGIN;
  doc.y = y + 6;
}

type TableBlock = Extract<PageBlock, { type: "table" }>;
const TABLE_HEADER_HEIGHT = 26;
const tableRows = (block: TableBlock) => block.rowLabels?.length ?? block.rows ?? 4;
const tableRowHeight = (block: TableBlock) => (block.rowLabels ? 64 : 40);

/** A table that fits on one page is kept whole; a longer one starts with at least two rows. */
function tableStartHeight(block: TableBlock): number {
  const whole = TABLE_HEADER_HEIGHT + tableRowHeight(block) * tableRows(block) + 8;
  return whole <= PAGE.height - 2 * MARGIN ? whole : TABLE_HEADER_HEIGHT + tableRowHeight(block) * 2 + 8;
}

function drawTable(doc: PDFKit.PDFDocument, block: TableBlock) {
  const rows = tableRows(block);
  const columnWidth = CONTENT_WIDTH / block.columns.length;
  const rowHeight = tableRowHeight(block);
  const headerHeight = TABLE_HEADER_HEIGHT;

  const header = () => {
    const top = doc.y;
    doc.rect(MARGIN, top, CONTENT_WIDTH, headerHeight).fillColor(colors.tableHead).fill();
    block.columns.forEach((column, index) => {
      doc.fillColor(colors.ink).font(fonts.heading).fontSize(10).text(column, MARGIN + index * columnWidth + 6, top + 8, { width: columnWidth - 12 });
    });
    grid(top, headerHeight);
    doc.y = top + headerHeight;
  };
  const grid = (top: number, height: number) => {
    doc.lineWidth(0.8).strokeColor(colors.rule);
    doc.rect(MARGIN, top, CONTENT_WIDTH, height).stroke();
    for (let index = 1; index < block.columns.length; index += 1) {
      doc.moveTo(MARGIN + index * columnWidth, top).lineTo(MARGIN + index * columnWidth, top + height).stroke();
    }
  };

  ensureSpace(doc, tableStartHeight(block));
  header();
  for (let row = 0; row < rows; row += 1) {
    if (doc.y + rowHeight > PAGE.height - MARGIN) {
      doc.addPage();
      header();
    }
    const top = doc.y;
    grid(top, rowHeight);
    const label = block.rowLabels?.[row];
    if (label) doc.fillColor(colors.ink).font(fonts.label).fontSize(11).text(label, MARGIN + 6, top + 8, { width: columnWidth - 12 });
    doc.y = top + rowHeight;
  }
  doc.x = MARGIN;
  doc.moveDown(1);
}

function ensureSpace(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > PAGE.height - MARGIN) doc.addPage();
}

/** The site as people type it: its host, without the scheme. */
function website(): { host: string; url: string } {
  const url = new URL(contentEnv().APP_URL);
  return { host: url.host, url: url.origin };
}

/** The closing page's answer to "get in touch": every way to do it, each a link in a PDF reader. */
function getInTouch(doc: PDFKit.PDFDocument) {
  const site = website();
  const ways: { label: string; text: string; link: string }[] = [
    ...(practice.phone ? [{ label: "Phone", text: phoneForPeople(practice.phone), link: phoneHref(practice.phone) }] : []),
    { label: "Email", text: practice.contactEmail, link: `mailto:${practice.contactEmail}` },
    { label: "Office", text: officeAddress(practice).join(", "), link: `${site.url}/contact` },
    { label: "Book a free consultation call", text: `${site.host}/book`, link: `${site.url}/book` },
  ];
  const intro = `If something in these pages stirred feelings you would like to talk through, ${practice.therapist.name} would be glad to hear from you.`;
  doc.font(fonts.body).fontSize(12.5);
  const height = 50 + doc.heightOfString(intro, { width: CONTENT_WIDTH, lineGap: 3 }) + ways.length * 22;
  ensureSpace(doc, height);
  if (doc.y > MARGIN + 1) doc.moveDown(1.2);
  doc.fillColor(colors.accent).font(fonts.heading).fontSize(16).text("Get in touch", MARGIN, doc.y, { width: CONTENT_WIDTH });
  doc.moveDown(0.5);
  doc.fillColor(colors.ink).font(fonts.body).fontSize(12.5).text(intro, { width: CONTENT_WIDTH, lineGap: 3 });
  doc.moveDown(0.6);
  for (const way of ways) {
    doc.fillColor(colors.ink).font(fonts.heading).fontSize(12).text(`${way.label}: `, MARGIN, doc.y, { continued: true, width: CONTENT_WIDTH });
    doc.fillColor(colors.accent).font(fonts.label).text(way.text, { link: way.link, underline: false });
    doc.moveDown(0.35);
  }
}

/** The running header, the practice's contact line and the page numbers, drawn once every page exists. */
function pageFurniture(doc: PDFKit.PDFDocument, freebie: PrintedFreebie) {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the margins would make pdfkit start a new page.
    const { bottom, top } = doc.page.margins;
    doc.page.margins.bottom = 0;
    doc.page.margins.top = 0;
    doc.fillColor(colors.muted).font(fonts.label).fontSize(9);
    if (index > range.start) doc.text(freebie.title, MARGIN, 40, { width: CONTENT_WIDTH, lineBreak: false });
    const footer = `${practice.name} · ${practice.therapist.name}, ${practice.therapist.credentials} · For your personal use`;
    doc.text(footer, MARGIN, PAGE.height - 52, { width: CONTENT_WIDTH - 80, lineBreak: false });
    doc.text(`Page ${index - range.start + 1} of ${range.count}`, PAGE.width - MARGIN - 80, PAGE.height - 52, {
      width: 80,
      align: "right",
      lineBreak: false,
    });
    // A page printed and passed on, or found in a drawer, still says how to reach the practice.
    const contact = [practice.phone ? phoneForPeople(practice.phone) : null, practice.contactEmail, website().host].filter(Boolean).join(" · ");
    doc.text(contact, MARGIN, PAGE.height - 40, { width: CONTENT_WIDTH, lineBreak: false });
    doc.page.margins.bottom = bottom;
    doc.page.margins.top = top;
  }
}

const rendered = new Map<string, Promise<Uint8Array>>();

/**
 * The PDF for a freebie, rendered on first request and kept for the life of
 * the process: the content is part of the build, so it cannot change under it.
 */
export function freebiePdf(freebie: PrintedFreebie): Promise<Uint8Array> {
  let pdf = rendered.get(freebie.slug);
  if (!pdf) {
    pdf = renderFreebiePdf(freebie);
    pdf.catch(() => rendered.delete(freebie.slug));
    rendered.set(freebie.slug, pdf);
  }
  return pdf;
}

import { Heading, Hr, Link, Text } from "@react-email/components";
import type { ListItem, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { Fragment, type ReactNode } from "react";
import { paragraph } from "./email-layout";

const linkStyle = { color: "#3f6b5c", textDecoration: "underline" } as const;
const listItem = { fontSize: 16, lineHeight: "26px", margin: "0 0 6px" } as const;

type EmailMarkdownProps = {
  /** Markdown as the therapist wrote it. */
  source: string;
  /** A link's address as it should appear in the email, or undefined to drop the link and keep its text. */
  resolveUrl: (url: string) => string | undefined;
};

/**
 * Markdown set as email, from its syntax tree. Only the nodes named below are
 * drawn, so raw HTML in the text is never passed through, and images are left
 * out: an image from another server would tell it who opened the email.
 */
export function EmailMarkdown({ source, resolveUrl }: EmailMarkdownProps) {
  return <>{draw(fromMarkdown(source).children, resolveUrl, false)}</>;
}

function draw(nodes: Nodes[], resolveUrl: EmailMarkdownProps["resolveUrl"], tight: boolean): ReactNode[] {
  return nodes.map((node, index) => <Fragment key={index}>{drawNode(node, resolveUrl, tight)}</Fragment>);
}

function drawNode(node: Nodes, resolveUrl: EmailMarkdownProps["resolveUrl"], tight: boolean): ReactNode {
  const inner = (children: Nodes[], tightChildren = false) => draw(children, resolveUrl, tightChildren);
  switch (node.type) {
    case "paragraph":
      // Inside a tight list item a paragraph is just its text.
      return tight ? inner(node.children) : <Text style={paragraph}>{inner(node.children)}</Text>;
    case "heading":
      return node.depth <= 2 ? (
        <Heading as="h2" style={{ fontSize: 20, margin: "24px 0 12px" }}>
          {inner(node.children)}
        </Heading>
      ) : (
        <Heading as="h3" style={{ fontSize: 18, margin: "20px 0 10px" }}>
          {inner(node.children)}
        </Heading>
      );
    case "text":
      // A single line break in Markdown is "soft" and would fold into a space;
      // she wrote "Warmly,\nMaya" on two lines, so the email keeps them.
      return node.value.split(/\r?\n/).flatMap((line, index) => (index === 0 ? [line] : [<br key={index} />, line]));
    case "strong":
      return <strong>{inner(node.children)}</strong>;
    case "emphasis":
      return <em>{inner(node.children)}</em>;
    case "inlineCode":
      return <code>{node.value}</code>;
    case "code":
      return <pre style={{ whiteSpace: "pre-wrap", fontSize: 14, margin: "0 0 16px" }}>{node.value}</pre>;
    case "break":
      return <br />;
    case "link": {
      const href = resolveUrl(node.url);
      return href ? (
        <Link href={href} style={linkStyle}>
          {inner(node.children)}
        </Link>
      ) : (
        inner(node.children)
      );
    }
    case "linkReference":
      return inner(node.children);
    case "list": {
      const items = node.children.map((item: ListItem, index) => (
        <li key={index} style={listItem}>
          {inner(item.children, !(node.spread || item.spread))}
        </li>
      ));
      return node.ordered ? <ol style={{ margin: "0 0 16px", paddingLeft: 24 }}>{items}</ol> : <ul style={{ margin: "0 0 16px", paddingLeft: 24 }}>{items}</ul>;
    }
    case "blockquote":
      return <blockquote style={{ borderLeft: "3px solid #3f6b5c", margin: "0 0 16px", paddingLeft: 14, color: "#4a433d" }}>{inner(node.children)}</blockquote>;
    case "thematicBreak":
      return <Hr style={{ borderColor: "#e6ddd2", margin: "24px 0" }} />;
    default:
      // html, image, definitions and anything else: not drawn.
      return null;
  }
}

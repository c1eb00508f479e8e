import { Button, Text } from "@react-email/components";
import type { ReactNode } from "react";
import { button, paragraph } from "./email-layout";

/** The way into the library of freebies, and how long the button keeps working. */
export function LibraryButton({ libraryUrl, linkValidDays, children }: { libraryUrl: string; linkValidDays: number; children: ReactNode }) {
  return (
    <>
      <Button href={libraryUrl} style={button}>
        Open the library
      </Button>
      <Text style={{ ...paragraph, marginTop: 16 }}>
        The button works for {linkValidDays} days. {children}
      </Text>
    </>
  );
}

export const previewLibraryLink = { libraryUrl: "http://localhost:3000/freebies/access/preview-token", linkValidDays: 7 };

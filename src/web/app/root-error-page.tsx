import type { ErrorComponentProps } from "@tanstack/react-router";
import { PageHeading } from "../components/page-heading";
import { isApiError } from "../lib/api";
import { PublicFrame } from "./public-layout";

/** Shown when a page could not start at all, most often because the server is unreachable. */
export function RootErrorPage({ error, reset }: ErrorComponentProps) {
  const message = isApiError(error) ? error.message : "Something unexpected went wrong while opening this page.";
  return (
    <PublicFrame>
      <PageHeading>Grove could not open this page</PageHeading>
      <p role="alert">{message}</p>
      <button
        type="button"
        className="button button--primary"
        onClick={() => {
          reset();
          window.location.reload();
        }}
      >
        Try again
      </button>
    </PublicFrame>
  );
}

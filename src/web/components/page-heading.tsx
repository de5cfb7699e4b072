import { type ReactNode, useEffect } from "react";

type PageHeadingProps = {
  children: ReactNode;
  /** The document title; defaults to the heading when it is plain text. */
  title?: string;
};

/**
 * The page's one h1. It is the target for focus after a route change (see
 * app/route-focus.ts), and it keeps the browser tab title in step with the page.
 */
export function PageHeading({ children, title }: PageHeadingProps) {
  const text = title ?? (typeof children === "string" ? children : undefined);
  useEffect(() => {
    if (text) document.title = `${text} · Grove`;
  }, [text]);
  return (
    <h1 className="page-heading" tabIndex={-1} data-page-heading="">
      {children}
    </h1>
  );
}

import { Outlet } from "@tanstack/react-router";
import type { ReactNode } from "react";
import { FlashMessage } from "./flash-message";
import { SkipLink } from "./skip-link";

/** The frame for pages used before signing in: a brand bar and one centred column. */
export function PublicFrame({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  return (
    <div className="public">
      <SkipLink />
      <header className="public__header">
        <p className="brand">
          <span className="brand__mark" aria-hidden="true" />
          Grove
        </p>
      </header>
      <main id="main" tabIndex={-1} className={wide ? "public__main public__main--wide" : "public__main"}>
        <FlashMessage />
        {children}
      </main>
      <footer className="public__footer">
        <p>Grove runs developer mentoring and coaching programmes on your own server.</p>
      </footer>
    </div>
  );
}

export function PublicLayout() {
  return (
    <PublicFrame>
      <Outlet />
    </PublicFrame>
  );
}

/** For public pages with long forms, such as applying to a programme. */
export function PublicWideLayout() {
  return (
    <PublicFrame wide>
      <Outlet />
    </PublicFrame>
  );
}

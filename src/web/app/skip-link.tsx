/**
 * The first stop for keyboard users: jump past the navigation to the page itself.
 * <main> has tabindex="-1", so following the link moves focus there, not just the view.
 */
export function SkipLink() {
  return (
    <a className="skip-link" href="#main">
      Skip to main content
    </a>
  );
}

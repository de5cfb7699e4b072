/**
 * Speak a short message to screen reader users through the polite live region the
 * root layout keeps in the page (for things with no visible place, like "Copied").
 */
export function announce(message: string): void {
  const region = document.getElementById("announcer");
  if (!region) return;
  // Clearing first makes a repeated message ("Copied", "Copied") be read again.
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

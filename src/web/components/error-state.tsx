import { isApiError } from "../lib/api";

type ErrorStateProps = {
  error: unknown;
  onRetry?: () => void;
  title?: string;
};

/** When a screen's data could not be loaded: say why and offer to try again. */
export function ErrorState({ error, onRetry, title = "This couldn't be loaded" }: ErrorStateProps) {
  const message = isApiError(error) ? error.message : "Something unexpected went wrong.";
  return (
    <div className="notice notice--error" role="alert">
      <h2 className="notice__title">{title}</h2>
      <p>{message}</p>
      {onRetry ? (
        <button type="button" className="button button--secondary" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

import { Link } from "@tanstack/react-router";
import { ErrorState } from "../../components/error-state";
import { isApiError } from "../../lib/api";

/**
 * The answers a self-match page gets when it doesn't apply to this person or programme
 * right now, each said plainly with the way on; anything else is an error to retry.
 */
export function SelfMatchUnavailable({ error, programmeId, onRetry }: { error: unknown; programmeId: string; onRetry: () => void }) {
  if (isApiError(error, "mentee_already_matched")) {
    return (
      <div className="notice notice--success">
        <h2 className="notice__title">You already have a pair</h2>
        <p>{error.message}</p>
        <Link to="/programmes/$programmeId/my-requests" params={{ programmeId }}>
          See your requests and your pair
        </Link>
      </div>
    );
  }
  if (isApiError(error) && (error.code === "self_match_off" || error.code === "self_match_closed" || error.status === 403)) {
    return (
      <div className="notice notice--warning">
        <h2 className="notice__title">Not available here</h2>
        <p>{error.message}</p>
      </div>
    );
  }
  return <ErrorState error={error} onRetry={onRetry} />;
}

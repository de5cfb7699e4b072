import { Link } from "@tanstack/react-router";

type PaginationProps = {
  total: number;
  limit: number;
  offset: number;
  /** Builds the search params for a page number (1-based). */
  to: string;
  search: (page: number) => Record<string, unknown>;
  label: string;
};

/** Previous / next links with "page N of M"; links, so each page has its own address. */
export function Pagination({ total, limit, offset, to, search, label }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / limit));
  const page = Math.floor(offset / limit) + 1;
  if (pages <= 1) return null;
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <Link to={to} search={search(page - 1)} className="button button--secondary" rel="prev">
          <span aria-hidden="true">← </span>Previous<span className="visually-hidden"> page</span>
        </Link>
      ) : (
        <span />
      )}
      <p className="pagination__status">
        Page {page} of {pages}
      </p>
      {page < pages ? (
        <Link to={to} search={search(page + 1)} className="button button--secondary" rel="next">
          Next<span className="visually-hidden"> page</span>
          <span aria-hidden="true"> →</span>
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

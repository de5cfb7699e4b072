import { Link } from "@tanstack/react-router";
import { PageHeading } from "../components/page-heading";
import { PublicFrame } from "./public-layout";

export function NotFoundPage() {
  return (
    <PublicFrame>
      <PageHeading>Page not found</PageHeading>
      <p>There is nothing at this address. It may have moved, or the link may be mistyped.</p>
      <p>
        <Link to="/programmes">Go to your programmes</Link>
      </p>
    </PublicFrame>
  );
}

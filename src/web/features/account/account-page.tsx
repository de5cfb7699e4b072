import { PageHeading } from "../../components/page-heading";
import { useCurrentUser } from "../auth/session";
import { NotificationSettingsSection } from "../growth/notification-settings-section";
import { ApiTokensSection } from "./api-tokens-section";
import { ChangePasswordForm } from "./change-password-form";
import { SessionsSection } from "./sessions-section";

export function AccountPage() {
  const user = useCurrentUser();
  return (
    <>
      <PageHeading>Account</PageHeading>
      <p className="lead">
        Signed in as <strong>{user.name}</strong> ({user.email}){user.isAdmin ? ", instance admin" : ""}.
      </p>
      <ChangePasswordForm />
      <NotificationSettingsSection />
      <ApiTokensSection />
      <SessionsSection />
    </>
  );
}

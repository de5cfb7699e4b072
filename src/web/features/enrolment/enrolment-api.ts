import { queryOptions } from "@tanstack/react-query";
import type { z } from "zod";
import type { SessionInfo } from "../../../contracts/auth";
import type {
  ApplicationPage as ApplicationPageSchema,
  ApplicationQueued as ApplicationQueuedSchema,
  ApplicationSubmit,
  EnrolmentStatus,
  InvitationAccept,
  InvitationInfo as InvitationInfoSchema,
  OwnEnrolment as OwnEnrolmentSchema,
  OwnEnrolmentUpdate,
} from "../../../contracts/enrolment";
import type { IntakeRole } from "../../../contracts/intake";
import { api } from "../../lib/api";

export type ApplicationPage = z.infer<typeof ApplicationPageSchema>;
export type InvitationInfo = z.infer<typeof InvitationInfoSchema>;
export type OwnEnrolment = z.infer<typeof OwnEnrolmentSchema>;
export type EnrolmentStatusName = z.infer<typeof EnrolmentStatus>;
export type IntakeRoleName = z.infer<typeof IntakeRole>;
export type EnrolmentWithSession = { enrolment: OwnEnrolment; session: z.infer<typeof SessionInfo> | null };
/** An application sent without signing in: an email follows, whether or not the address had an account. */
export type ApplicationQueued = z.infer<typeof ApplicationQueuedSchema>;

const id = encodeURIComponent;

export const enrolmentKeys = {
  application: (slug: string) => ["apply", slug] as const,
  invitation: (token: string) => ["invitation", token] as const,
  mine: (programmeId: string) => ["programmes", "detail", programmeId, "my-enrolment"] as const,
};

/** The public application page of a programme: what it is, whether it is open, and its forms. */
export const applicationPageQuery = (slug: string) =>
  queryOptions({
    queryKey: enrolmentKeys.application(slug),
    queryFn: ({ signal }) => api<ApplicationPage>(`/api/apply/${id(slug)}`, { signal }),
  });

export const submitApplication = (slug: string, body: z.input<typeof ApplicationSubmit>) =>
  api<EnrolmentWithSession | ApplicationQueued>(`/api/apply/${id(slug)}`, { method: "POST", body });

export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: enrolmentKeys.invitation(token),
    queryFn: ({ signal }) => api<InvitationInfo>(`/api/invitations/${id(token)}`, { signal }),
    staleTime: 0,
  });

export const acceptInvitation = (token: string, body: z.input<typeof InvitationAccept>) =>
  api<EnrolmentWithSession>(`/api/invitations/${id(token)}/accept`, { method: "POST", body });

export const myEnrolmentQuery = (programmeId: string) =>
  queryOptions({
    queryKey: enrolmentKeys.mine(programmeId),
    queryFn: ({ signal }) => api<OwnEnrolment>(`/api/programmes/${id(programmeId)}/my-enrolment`, { signal }),
  });

export const updateMyEnrolment = (programmeId: string, body: z.input<typeof OwnEnrolmentUpdate>) =>
  api<OwnEnrolment>(`/api/programmes/${id(programmeId)}/my-enrolment`, { method: "PATCH", body });

export const withdrawMyEnrolment = (programmeId: string) =>
  api<OwnEnrolment>(`/api/programmes/${id(programmeId)}/my-enrolment/withdraw`, { method: "POST" });

export const setTrainingModule = (programmeId: string, moduleKey: string, done: boolean) =>
  api<OwnEnrolment>(`/api/programmes/${id(programmeId)}/my-enrolment/training/${id(moduleKey)}`, { method: done ? "PUT" : "DELETE" });

CREATE TABLE "sign_in_addresses" (
	"email" text NOT NULL,
	"ip" text NOT NULL,
	"last_success_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sign_in_addresses_email_ip_pk" PRIMARY KEY("email","ip")
);

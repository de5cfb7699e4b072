import { useQueryClient } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { ProgrammeSection } from "../programmes/programme-section";
import type { Programme } from "../programmes/programmes-api";
import { matchingKeys, runRound } from "./matching-api";
import { RoundsList } from "./rounds-list";
import { defaultSettings, SettingsForm } from "./settings-form";
import "./matching.css";

const route = getRouteApi("/_app/programmes/$programmeId/matching");

export function MatchingPage() {
  const { programmeId } = route.useParams();
  return (
    <ProgrammeSection
      programmeId={programmeId}
      title="Matching"
      lead={() => (
        <p>
          The engine pairs every approved mentee with a mentor who has a place, matching as many mentees as possible and then choosing the
          best fits. Each run is a draft you can inspect, adjust and run again; nobody is told anything until you publish.
        </p>
      )}
    >
      {(programme) => <Matching programme={programme} />}
    </ProgrammeSection>
  );
}

function Matching({ programme }: { programme: Programme }) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  return (
    <>
      {programme.matchMode === "self" ? (
        <p className="notice">
          Mentees in this programme choose their own mentors. A round is still useful for everyone who hasn't found one: publishing it
          leaves every existing pair alone.
        </p>
      ) : null}
      <p className="actions-row actions-row--tight">
        <Link to="/programmes/$programmeId/matching/pairs" params={{ programmeId: programme.id }}>
          Pairs in this programme
        </Link>
      </p>
      <section aria-labelledby="run-title" className="card">
        <h2 id="run-title">Run a round</h2>
        <SettingsForm
          idPrefix="run"
          initial={defaultSettings}
          submitLabel="Run the matching"
          pendingLabel="Running…"
          progressLabel="Matching the whole pool: scoring candidates, then finding the best possible set of pairs."
          onSubmit={async (settings) => {
            const round = await runRound(programme.id, settings);
            await queryClient.invalidateQueries({ queryKey: matchingKeys.rounds(programme.id) });
            await navigate({
              to: "/programmes/$programmeId/matching/$roundId",
              params: { programmeId: programme.id, roundId: round.id },
            });
          }}
        />
      </section>
      <RoundsList programmeId={programme.id} />
    </>
  );
}

import { ensureBuilt } from "../../scripts/build.js";

/** Browser tests drive the real server from the compiled build, web app included: build what is stale first. */
export default async function setup() {
  await ensureBuilt({ log: (m) => console.log(m) });
}

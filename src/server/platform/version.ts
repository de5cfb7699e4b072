import fs from "node:fs";
import { packageJsonPath } from "./install-paths.js";

export const GROVE_VERSION: string = JSON.parse(fs.readFileSync(packageJsonPath, "utf8")).version;

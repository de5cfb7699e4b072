import { z } from "zod";

// zod compiles object validators with `new Function` when it may. Grove's Content
// Security Policy forbids eval, and even zod's guarded probe for it is reported as a
// violation, so the web app runs zod's plain (jitless) validators. Imported first by main.tsx.
z.config({ jitless: true });

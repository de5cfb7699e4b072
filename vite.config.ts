import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const repoRoot = fileURLToPath(new URL(".", import.meta.url));
// `npm run dev:web` forwards /api to a running Grove server (npm start listens on 3000).
const apiTarget = process.env.GROVE_DEV_API_URL ?? "http://localhost:3000";

// The web app lives in src/web and is served by the Grove server from dist/web.
// Route components are loaded lazily (see src/web/app/routes.tsx), so each screen
// becomes its own chunk without any extra configuration here.
export default defineConfig({
  root: fileURLToPath(new URL("./src/web", import.meta.url)),
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: `${repoRoot}dist/web`,
    emptyOutDir: true,
    sourcemap: true,
    target: "es2022",
  },
  server: {
    port: 5173,
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
  preview: {
    proxy: {
      "/api": { target: apiTarget, changeOrigin: false },
    },
  },
});

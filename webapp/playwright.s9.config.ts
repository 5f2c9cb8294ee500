import base from "./playwright.config";
export default { ...base, webServer: { ...(base.webServer as object), cwd: "/tmp/s9run" } };

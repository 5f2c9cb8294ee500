/** React Router's coming defaults, taken now (and so no warnings about them). */
export const ROUTER_FUTURE = { v7_startTransition: true, v7_relativeSplatPath: true } as const;

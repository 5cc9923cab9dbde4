// Its forms answer in place with JavaScript (use:enhanceForm), like the workspace's.
export const csr = true;

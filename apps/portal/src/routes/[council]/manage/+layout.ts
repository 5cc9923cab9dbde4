// The workspace's forms answer in place with JavaScript (use:enhanceForm), so its pages ship their
// script; every public page stays plain HTML (the root layout's `csr = false`).
export const csr = true;

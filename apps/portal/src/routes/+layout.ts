// Every page works as plain HTML; none needs JavaScript yet, so none is shipped.
export const csr = false;

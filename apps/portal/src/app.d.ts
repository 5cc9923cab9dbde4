import type { Api } from '$lib/server/api';

declare global {
  namespace App {
    interface Error {
      message: string;
    }
    interface Locals {
      /** The pk_session cookie, passed to the API as a bearer token. */
      sessionToken: string | null;
      /** An API client speaking for this request's reader. */
      api: Api;
    }
  }
}

export {};

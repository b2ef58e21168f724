// Types for hosts of zitadel-profile-form: the mount() call, its options, the
// <zitadel-profile-form> element and the events it dispatches. Everything else comes
// from wasm-bindgen's own declarations (zitadel-profile-form.d.ts); `mount` is declared
// here again with the types that file can only give as `any` (a local declaration wins
// over `export *`). scripts/package-check holds the two together, and a Rust test
// holds the events and error kinds to src/host_events.rs.

import type { MountHandle } from "./zitadel-profile-form.js";

export * from "./zitadel-profile-form.js";
export { default } from "./zitadel-profile-form.js";

/** The options of mount(), config.json and the element's attributes (in kebab-case). */
export interface ProfileFormOptions {
  /** Your instance, e.g. `https://acme.zitadel.cloud`. */
  issuer: string;
  /** The client id of the User Agent application. */
  clientId: string;
  /** Where ZITADEL returns after sign-in; registered exactly. Default: this page. */
  redirectUri?: string;
  /** Default: `openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud`. */
  scope?: string;
  /**
   * Base URL of the Auth API, if it is served elsewhere. Default: the issuer. On
   * another origin than the issuer it must be https and named in `allowedApiOrigins`.
   */
  apiBaseUrl?: string;
  /** Origins other than the issuer's that `apiBaseUrl` may name (the token goes there). */
  allowedApiOrigins?: string[];
  /** Where ZITADEL returns after sign-out; registered exactly. Default: the redirect URI. */
  postLogoutRedirectUri?: string;
  /** The form's language and ZITADEL's login's `ui_locales`, e.g. `de`. */
  locale?: string;
  /** How long an API call may take, in milliseconds. Default: 15000. */
  timeoutMs?: number;
}

/** Mounts the form into `element`; malformed options render a readable error there. */
export function mount(element: HTMLElement, options: ProfileFormOptions): MountHandle;

/** What `allowOrigins()` allows the page's `<zitadel-profile-form>` elements. */
export interface AllowedOrigins {
  /** Origins an element's `api-base-url` may name besides the issuer's. */
  api?: string[];
  /** Origins an element's `stylesheet` may come from besides the page's. */
  stylesheets?: string[];
}

/**
 * Allows the page's elements an API or a stylesheet on other origins; attributes alone
 * never can. Adds to earlier calls; throws on entries that are not origins.
 */
export function allowOrigins(origins: AllowedOrigins): void;

export type Gender = "GENDER_UNSPECIFIED" | "GENDER_FEMALE" | "GENDER_MALE" | "GENDER_DIVERSE";

/** The six fields, as the form sends them to ZITADEL. */
export interface Profile {
  firstName: string;
  lastName: string;
  nickName: string;
  displayName: string;
  /** A BCP 47 tag, or empty for "not set". */
  preferredLanguage: string;
  gender: Gender;
}

/** `profile-loaded` */
export interface ProfileLoadedDetail {
  userId: string;
  profile: Profile;
}

/** `profile-saved` */
export interface ProfileSavedDetail {
  profile: Profile;
  details: {
    /** A uint64, as a string, as ZITADEL sends it. */
    sequence: string;
    changeDate: string | null;
    resourceOwner: string | null;
  };
}

export type ErrorKind =
  | "invalid"
  | "not-changed"
  | "user-gone"
  | "unauthenticated"
  | "origin-not-allowed"
  | "rate-limited"
  | "server"
  | "network"
  | "timeout"
  | "unexpected"
  | "garbled"
  | "sign-in"
  | "session-ended"
  | "client-refused"
  | "refresh-not-allowed"
  | "mfa-required"
  | "crashed";

/** `profile-error` */
export interface ProfileErrorDetail {
  kind: ErrorKind;
  /** The text the form shows, in English. */
  message: string;
}

/** `profile-dirty-change`: the form was edited and not saved, or is clean again. */
export interface ProfileDirtyChangeDetail {
  dirty: boolean;
}

/**
 * `profile-avatar-changed`: the person uploaded a picture (ZITADEL's `avatarUrl` for
 * it, which may be the same address as before: load it afresh) or removed theirs.
 */
export interface ProfileAvatarChangedDetail {
  avatarUrl: string | null;
}

export interface ProfileFormEventMap {
  "profile-loaded": CustomEvent<ProfileLoadedDetail>;
  "profile-saved": CustomEvent<ProfileSavedDetail>;
  "profile-error": CustomEvent<ProfileErrorDetail>;
  "signed-out": CustomEvent<Record<string, never>>;
  "profile-dirty-change": CustomEvent<ProfileDirtyChangeDetail>;
  "profile-avatar-changed": CustomEvent<ProfileAvatarChangedDetail>;
}

/** `<zitadel-profile-form issuer client-id …>`: configured by its attributes. */
export interface ZitadelProfileFormElement extends HTMLElement {
  /** Whether the form holds edits that are not saved (read-only). */
  readonly dirty: boolean;
  addEventListener<K extends keyof ProfileFormEventMap>(
    type: K,
    listener: (this: ZitadelProfileFormElement, event: ProfileFormEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(
    type: string,
    listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions,
  ): void;
}

declare global {
  interface HTMLElementTagNameMap {
    "zitadel-profile-form": ZitadelProfileFormElement;
  }
}

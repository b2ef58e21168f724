// How a host uses the package, type-checked against dist/'s declarations by
// scripts/package-check (`tsc --noEmit --strict`); it is never run.
import init, { allowOrigins, mount, type ProfileSavedDetail, type ErrorKind } from "./index.js";

export async function start(slot: HTMLElement): Promise<void> {
  await init();
  const form = mount(slot, {
    issuer: "https://acme.zitadel.cloud",
    clientId: "243862081218773235@profile-form",
    locale: "de",
    timeoutMs: 10_000,
    apiBaseUrl: "https://api.acme.example",
    allowedApiOrigins: ["https://api.acme.example"],
  });
  allowOrigins({ stylesheets: ["https://cdn.acme.example"] });
  slot.addEventListener("profile-saved", (event) => {
    const saved: ProfileSavedDetail = (event as CustomEvent<ProfileSavedDetail>).detail;
    const sequence: string = saved.details.sequence;
    console.log(sequence, saved.profile.gender);
  });
  const element = document.querySelector("zitadel-profile-form");
  element?.addEventListener("profile-error", (event) => {
    const kind: ErrorKind = event.detail.kind;
    if (kind === "session-ended") {
      form.unmount();
    }
  });
  element?.addEventListener("profile-loaded", (event) => {
    console.log(event.detail.userId, event.detail.profile.preferredLanguage);
  });
}

import init, { mount, type ProfileSavedDetail } from "zitadel-profile-form";

init().then(() => {
  const slot = document.getElementById("profile")!;
  const form = mount(slot, {
    issuer: import.meta.env.VITE_ZITADEL_ISSUER,
    clientId: import.meta.env.VITE_ZITADEL_CLIENT_ID,
  });
  slot.addEventListener("profile-saved", (event) => {
    const { details } = (event as CustomEvent<ProfileSavedDetail>).detail;
    console.info("saved as sequence", details.sequence);
  });
  // Later, to take it off the page: form.unmount();
  void form;
});

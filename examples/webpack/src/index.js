import init, { mount } from "zitadel-profile-form";

init().then(() => {
  mount(document.getElementById("profile"), {
    issuer: process.env.ZITADEL_ISSUER,
    clientId: process.env.ZITADEL_CLIENT_ID,
  });
});

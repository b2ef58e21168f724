import init from "zitadel-profile-form";

init();

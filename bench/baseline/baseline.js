// The benchmark's yardstick: the widget's journey written by hand, in plain JavaScript.
// Sign in with the authorization code and PKCE (S256), load the profile, edit it with
// inline validation, save it; against the same stand-in, with the same requests.
const SCOPE = "openid profile email offline_access urn:zitadel:iam:org:project:id:zitadel:aud";
const MARK = "zitadel-profile-form:editable";
const FIELDS = ["firstName", "lastName", "nickName", "displayName", "preferredLanguage", "gender"];
const TEXT = FIELDS.slice(0, 4);
const REQUIRED = ["firstName", "lastName"];
const NAME_MAX = 200;
const redirectUri = new URL("./", location.href).href;
const form = document.getElementById("profile");
const status = document.getElementById("status");
const signInButton = document.getElementById("sign-in");
const key = (name) => `zpf-baseline:${name}`;
const store = {
  get: (name) => JSON.parse(sessionStorage.getItem(key(name))),
  set: (name, value) => sessionStorage.setItem(key(name), JSON.stringify(value)),
  drop: (name) => sessionStorage.removeItem(key(name)),
};
let saved = null;

const base64url = (bytes) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const random = () => base64url(crypto.getRandomValues(new Uint8Array(32)));

async function getJson(url, init) {
  const response = await fetch(url, init);
  if (!response.ok) throw Object.assign(new Error(`${url}: HTTP ${response.status}`), { status: response.status });
  return response.json();
}

// The discovery document, fetched once and kept for the tab.
async function discover(issuer) {
  let found = store.get("discovery");
  if (found?.issuer !== issuer) {
    const doc = await getJson(`${issuer}/.well-known/openid-configuration`);
    if (doc.issuer !== issuer) throw new Error("the discovery document names another issuer");
    const { authorization_endpoint, token_endpoint, ui_locales_supported = [] } = doc;
    found = { issuer, authorization_endpoint, token_endpoint, ui_locales_supported };
    store.set("discovery", found);
  }
  return found;
}

async function signIn(config) {
  const { authorization_endpoint } = await discover(config.issuer);
  const pending = { verifier: random(), state: random(), nonce: random() };
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(pending.verifier));
  store.set("pending", pending);
  const query = new URLSearchParams({
    client_id: config.clientId, redirect_uri: redirectUri, response_type: "code", scope: SCOPE,
    state: pending.state, nonce: pending.nonce, code_challenge: base64url(digest),
    code_challenge_method: "S256", ui_locales: document.documentElement.lang,
  });
  location.assign(`${authorization_endpoint}?${query}`);
}

function claimsOf(idToken) {
  const payload = atob(idToken.split(".")[1].replace(/-/g, "+").replace(/_/g, "/"));
  return JSON.parse(new TextDecoder().decode(Uint8Array.from(payload, (c) => c.charCodeAt(0))));
}

async function finishSignIn(config, params) {
  history.replaceState(null, "", location.pathname);
  const pending = store.get("pending");
  store.drop("pending");
  if (params.has("error")) throw new Error(`ZITADEL refused the sign-in: ${params.get("error")}`);
  if (pending?.state !== params.get("state")) throw new Error("this sign-in was not started here");
  if (params.has("iss") && params.get("iss") !== config.issuer) throw new Error("an answer from another issuer");
  const { token_endpoint } = await discover(config.issuer);
  const body = new URLSearchParams({
    grant_type: "authorization_code", code: params.get("code"), redirect_uri: redirectUri,
    client_id: config.clientId, code_verifier: pending.verifier,
  });
  const tokens = await getJson(token_endpoint, { method: "POST", headers: { Accept: "application/json" }, body });
  // Straight from the token endpoint, so the signature is not checked (OIDC Core
  // 3.1.3.7, item 6); the claims are.
  const claims = claimsOf(tokens.id_token);
  const forUs = [claims.aud].flat().includes(config.clientId) && claims.iss === config.issuer;
  if (!forUs || claims.nonce !== pending.nonce || claims.exp * 1000 <= Date.now()) {
    throw new Error("the id_token is not for this sign-in");
  }
  store.set("tokens", { access: tokens.access_token, refresh: tokens.refresh_token, id: tokens.id_token });
}

const api = (config, path, init = {}) =>
  getJson(`${config.issuer}/auth/v1/users/me${path}`, {
    ...init,
    headers: { Authorization: `Bearer ${store.get("tokens").access}`, Accept: "application/json", ...init.headers },
  });

// Each language by its own name, from a table as the widget has one (Intl.DisplayNames
// costs tens of milliseconds the first time).
const NATIVE = {
  ar: "العربية", bg: "Български", cs: "Čeština", de: "Deutsch", en: "English", es: "Español",
  fr: "Français", hu: "Magyar", id: "Bahasa Indonesia", it: "Italiano", ja: "日本語", ko: "한국어",
  mk: "Македонски", nl: "Nederlands", pl: "Polski", pt: "Português", ro: "Română", ru: "Русский",
  sv: "Svenska", tr: "Türkçe", uk: "Українська", zh: "中文",
};

function languageName(tag) {
  const base = tag.split("-")[0].toLowerCase();
  const name = NATIVE[base];
  return !name ? tag : base === tag ? name : `${name} (${tag})`;
}

async function loadProfile(config) {
  const { ui_locales_supported } = await discover(config.issuer);
  let me;
  try {
    me = await api(config, "");
  } catch (error) {
    if (error.status !== 401) throw error;
    store.drop("tokens");
    return showSignIn(config, "Your session has ended. Please sign in again.");
  }
  const profile = { ...Object.fromEntries(FIELDS.map((f) => [f, ""])), gender: "GENDER_UNSPECIFIED", ...me.user.human?.profile };
  if (profile.preferredLanguage === "und") profile.preferredLanguage = "";
  // "Not set", the stored language if the instance does not list it, then the instance's.
  const stored = profile.preferredLanguage;
  const tags = !stored || ui_locales_supported.includes(stored) ? ui_locales_supported : [stored, ...ui_locales_supported];
  const languages = form.elements.preferredLanguage;
  languages.replaceChildren(new Option("Not set", ""), ...tags.map((tag) => new Option(languageName(tag), tag)));
  for (const field of FIELDS) form.elements[field].value = profile[field];
  saved = values();
  status.textContent = "";
  form.hidden = false;
  performance.mark(MARK);
}

async function showSignIn(config, notice = "") {
  await discover(config.issuer);
  status.textContent = notice;
  signInButton.hidden = false;
  signInButton.addEventListener("click", () => signIn(config).catch(fail));
}

const values = () => Object.fromEntries(FIELDS.map((f) => [f, form.elements[f].value.trim()]));

function check(field, value) {
  const text = value.trim();
  if (REQUIRED.includes(field) && !text) return "This field is required.";
  if ([...text].length > NAME_MAX) return `At most ${NAME_MAX} characters.`;
  if (/[\u0000-\u001f]/.test(text)) return "Line breaks and control characters are not allowed.";
  return "";
}

function validate(field) {
  const message = check(field, form.elements[field].value);
  document.getElementById(`${field}-message`).textContent = message;
  form.elements[field].setAttribute("aria-invalid", String(message !== ""));
}

function updateSave() {
  const now = values();
  const dirty = FIELDS.some((f) => now[f] !== saved[f]);
  form.elements.save.disabled = !dirty || TEXT.some((f) => check(f, now[f]));
}

async function save(config) {
  const profile = values();
  form.elements.save.disabled = true;
  try {
    await api(config, "/profile", { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(profile) });
    saved = profile;
    status.textContent = "Saved.";
  } catch (error) {
    status.textContent = `Not saved: ${error.message}`;
  }
  updateSave();
}

function fail(error) {
  status.textContent = `Something went wrong: ${error.message}`;
}

try {
  // The stand-in's page server answers config.json at the root, as the widget reads it.
  const config = await getJson("/config.json");
  form.addEventListener("input", (event) => {
    if (TEXT.includes(event.target.name)) validate(event.target.name);
    updateSave();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    save(config);
  });
  const params = new URLSearchParams(location.search);
  if (params.has("state")) await finishSignIn(config, params);
  await (store.get("tokens") ? loadProfile(config) : showSignIn(config));
} catch (error) {
  fail(error);
}

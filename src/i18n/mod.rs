//! Every text a person reads, in one place. Code names a [`Key`] (and fills in its
//! arguments through a [`Message`]); the catalogue decides the words. English is built
//! in, here; the other languages ZITADEL ships are catalogues that travel with the
//! bundle and are imported once a form needs one ([`catalogue`]); until then, or if
//! one cannot be loaded, the form speaks English.

pub mod catalogue;
pub mod locale;
mod message;

pub use message::{Arg, Message};

macro_rules! catalogue {
    ($($(#[$only:meta])? $key:ident = $english:literal,)*) => {
        /// One text of the catalogue. Templates may hold `{name}` placeholders, filled
        /// from a [`Message`]'s arguments.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$only])? $key,)*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$($(#[$only])? Key::$key,)*];

            /// The English template, built into the bundle.
            pub fn english(self) -> &'static str {
                match self {
                    $($(#[$only])? Key::$key => $english,)*
                }
            }

            /// The key's name, as the JSON catalogues spell it.
            pub fn name(self) -> &'static str {
                match self {
                    $($(#[$only])? Key::$key => stringify!($key),)*
                }
            }
        }
    };
}

// Each key with its English text; other languages are tables of the same keys.
catalogue! {
    // The form and its controls.
    Title = "Your profile",
    SignedInAs = "Signed in as {account}",
    SignIn = "Sign in",
    SignInAgain = "Sign in again",
    SignOut = "Sign out",
    SignInPrompt = "Sign in to edit your profile.",
    Save = "Save",
    Saving = "Saving…",
    Reset = "Reset",
    TryAgain = "Try again",
    Loading = "Loading your profile…",
    Optional = "optional",
    FirstName = "First name",
    LastName = "Last name",
    NickName = "Nickname",
    DisplayName = "Display name",
    PreferredLanguage = "Preferred language",
    Gender = "Gender",
    LanguageNotSet = "Not set",
    GenderUnspecified = "Unspecified",
    GenderFemale = "Female",
    GenderMale = "Male",
    GenderDiverse = "Diverse",
    // Notices.
    Saved = "Saved.",
    SavedAt = "Saved at {time}.",
    DraftRestored = "Welcome back. Your unsaved changes were restored; review them and save.",
    DiscardChanges = "Discard my changes",
    UnsavedSignOut = "You have unsaved changes. If you sign out now, they are lost.",
    KeepEditing = "Keep editing",
    DiscardAndSignOut = "Discard and sign out",
    // Beside the signed-in person's email address.
    EmailVerified = "verified",
    EmailNotVerified = "not verified",
    SessionEndedSignIn = "Your session has ended. Sign in again to continue.",
    FreshTokenRefused = "ZITADEL refused the access token it just issued. Check that “apiBaseUrl” points at the same instance as “issuer” and that the scope includes {scope}.",
    FreshTokenLacksAudience = "Signed in, but the access token cannot call ZITADEL's API: add {scope} to the “scope” option.",
    // Field messages.
    Required = "This field is required.",
    TooLong = "At most {max} characters, please ({over} characters too many).",
    LanguageTag = "Use a language tag such as “en” or “de-CH”.",
    ControlCharacter = "Remove the tab, line break or other control character from this field.",
    // Under a text field close to its limit.
    CharactersLeft = "{count} characters left",
    // The profile was changed elsewhere while this form held unsaved edits.
    ChangedElsewhere = "Your profile was changed elsewhere (in another tab, on another device or by an administrator) since this form loaded it. Nothing was saved. Choose which values to keep, then save.",
    ValueYours = "Yours",
    ValueChangedElsewhere = "Changed elsewhere",
    ValueEmpty = "(empty)",
    KeepAllMine = "Keep all mine",
    TakeAllNew = "Take all new values",
    SaveChoices = "Save these values",
    ChooseValue = "Choose which value to keep.",
    NothingLeftToSave = "Your form now shows your profile as it was changed elsewhere; nothing was left to save.",
    // What went wrong with a request.
    ServerRefusedValue = "The server refused a value: {text}",
    NotChanged = "Nothing to save: your profile already has these values.",
    UserGone = "This account no longer exists.",
    SessionEnded = "Your session has ended. Sign in again to continue; your changes are kept.",
    OriginNotAllowed = "ZITADEL refused this page's origin. Add this page's origin to the application's allowed origins (its redirect URIs or “additional origins”) in the ZITADEL console.",
    RateLimited = "Too many requests right now. Wait a moment and try again.",
    MfaRequired = "ZITADEL asks for your second factor before this can be done. Sign in again and confirm it with your second factor.",
    RefreshGrantMissing = "Your session could not be renewed, because this application may not use refresh tokens. Sign in again to continue. (In ZITADEL, tick “Refresh Token” among the application's grant types.)",
    ServerProblem = "The server had a problem (HTTP {status}). Try again in a moment.",
    Network = "The server could not be reached. Check your connection and try again.",
    Timeout = "The server did not answer in time. Try again.",
    RequestFailed = "The request failed (HTTP {status}).",
    RequestFailedWithText = "The request failed (HTTP {status}): {text}",
    Garbled = "The server's answer could not be read. Try again.",
    // Signing in.
    SignInUnreachable = "The sign-in service could not be reached: {problem}",
    BrowserCannotSignIn = "This browser cannot sign in securely: {reason}",
    CryptoMissing = "no crypto",
    RandomMissing = "no random numbers",
    DigestMissing = "SHA-256 unavailable (is the page served over https?)",
    NavigationRefused = "The sign-in service could not be reached: the browser refused to navigate",
    SignInCancelled = "Sign-in was cancelled.",
    PleaseSignIn = "Please sign in.",
    ScopeRefused = "ZITADEL refused the requested scope. Check the “scope” option.",
    ScopeRefusedWithDetail = "ZITADEL refused the requested scope ({detail}). Check the “scope” option.",
    SignInRefused = "ZITADEL refused the sign-in: {error}.",
    SignInRefusedWithDetail = "ZITADEL refused the sign-in: {error} ({detail}).",
    StrayCallback = "Nothing was signed in with this link. It belongs to a sign-in that was not started in this tab, or that is no longer valid. To sign in, use “Sign in”.",
    CallbackIssuer = "The sign-in answer came from “{found}”, not from the configured issuer, so it was refused.",
    DiscoveryIssuer = "The sign-in service calls itself “{found}”, which is not the configured “issuer”. Set “issuer” to exactly that address.",
    DiscoveryEndpoint = "The sign-in service's {name} “{url}” is not an https address on the issuer's origin, so it was not used. Check the “issuer” option.",
    DiscoveryNoS256 = "The sign-in service does not offer PKCE with S256, which this form needs.",
    IdTokenSubject = "the id_token names no user",
    IdTokenIssuedAt = "the id_token states no issue time, or one after it expires",
    IdTokenOtherUser = "the refreshed id_token names another user",
    CodeUsedOrExpired = "That sign-in link was already used or has expired. Please sign in again.",
    ClientRefused = "ZITADEL refused this application. Check the “clientId” option, and that the application in ZITADEL is of type User Agent with authentication method PKCE.",
    ClientNeedsSecret = "ZITADEL expects a client secret for this application, which a form in the browser cannot keep. In ZITADEL, create an application of type User Agent with authentication method PKCE, and use its client id.",
    GrantNotAllowed = "The application may not use this grant. In ZITADEL, enable “Refresh Token” for the application.",
    TokenRefused = "The sign-in could not be completed: {error}.",
    TokenRefusedWithDetail = "The sign-in could not be completed: {error} ({detail}).",
    TokenUnreadable = "The sign-in service's answer could not be read.",
    IdTokenUntrusted = "The sign-in answer could not be trusted: {reason}.",
    IdTokenMalformed = "the id_token is not a readable JWT",
    IdTokenIssuer = "the id_token was issued by {issuer}, not by the configured issuer",
    IdTokenAudience = "the id_token is not meant for this application",
    IdTokenExpired = "the id_token has expired",
    IdTokenNonce = "the id_token does not answer this sign-in (nonce mismatch)",
    NoEndSession = "the sign-in service offers no way to end its session",
    SignedOutHereOnly = "You are signed out here, but your ZITADEL session could not be ended ({reason}). Close the browser to end it.",
    SignedOutElsewhere = "You signed out in another tab.",
    SignedOutElsewhereDiscarded = "You signed out in another tab, so the changes you had not saved here were discarded.",
    AnotherAccount = "ZITADEL answered for another account than the one signed in here, so this session was ended. Sign in again to continue.",
    NotSignedIn = "You are not signed in.",
    // Options.
    Crashed = "Something went wrong in this form. Reload the page to try again; what was saved stays saved.",
    NotConfigured = "The profile form is not configured correctly.",
    OptionMissing = "The option “{name}” is required.",
    OptionNotAUrl = "The option “{name}” must be an absolute http(s) URL without query or fragment, not “{value}”.",
    OptionInsecure = "The option “{name}” must be an https URL (plain http only for localhost, 127.0.0.1 or [::1]), not “{value}”.",
    OptionForeignApiInsecure = "The option “apiBaseUrl” is on another origin than the issuer, so it must be an https URL, not “{value}”.",
    OptionForeignApiNotAllowed = "The option “apiBaseUrl” would send the sign-in’s token to {origin}, another origin than the issuer’s. If the API really is there, allow that origin from script: “allowedApiOrigins” in the options of mount() or config.json, or allowOrigins() for the element.",
    OptionNotPositive = "The option “{name}” must be greater than zero.",
    OptionsUnreadable = "The options could not be read: {reason}",
    NoOptions = "no options were given; pass an object with at least issuer and clientId",
    OptionsNotAnObject = "the options are not a plain object",
    ConfigUnreachable = "config.json beside this page could not be loaded: {reason}",
    ConfigStatus = "config.json beside this page could not be loaded: the server answered HTTP {status}",
    ConfigMalformed = "config.json: {reason}",
    // The picture in the header: choosing, cropping, uploading and removing it
    // (the `picture` feature; every catalogue has them).
    #[cfg(feature = "picture")]
    ChangePicture = "Change picture",
    #[cfg(feature = "picture")]
    RemovePicture = "Remove picture",
    #[cfg(feature = "picture")]
    PictureCropHint = "Drag the picture, or use the arrow keys, to place it in the square; zoom with the slider or the + and − keys.",
    #[cfg(feature = "picture")]
    Zoom = "Zoom level",
    #[cfg(feature = "picture")]
    UploadPicture = "Upload picture",
    #[cfg(feature = "picture")]
    Cancel = "Cancel",
    #[cfg(feature = "picture")]
    UploadingPicture = "Uploading your picture…",
    #[cfg(feature = "picture")]
    RemovePictureAsk = "Remove your picture? Your initials are shown instead.",
    #[cfg(feature = "picture")]
    KeepPicture = "Keep picture",
    #[cfg(feature = "picture")]
    PictureChanged = "Your picture was changed.",
    #[cfg(feature = "picture")]
    PictureRemoved = "Your picture was removed.",
    #[cfg(feature = "picture")]
    PictureNotAnImage = "This file is not a picture. Choose a JPEG, PNG, WebP or GIF image.",
    #[cfg(feature = "picture")]
    PictureUnreadable = "This browser cannot open this picture (HEIC photos, for example, open only in some browsers). Choose a JPEG, PNG or WebP image.",
    #[cfg(feature = "picture")]
    PictureTooBig = "This picture is still larger than 512 KB after it was made smaller. Choose a simpler picture.",
    #[cfg(feature = "picture")]
    PictureRefused = "ZITADEL refused the picture: {text}",
}

impl Key {
    /// The English template (the form's texts in another language come through [`Tr`]).
    pub fn text(self) -> &'static str {
        self.english()
    }

    /// English's other plural forms, where a key has them: `(category, template)`.
    pub fn english_plural(self, category: &str) -> Option<&'static str> {
        match (self, category) {
            (Key::TooLong, "one") => {
                Some("At most {max} characters, please ({over} character too many).")
            }
            (Key::CharactersLeft, "one") => Some("{count} character left"),
            _ => None,
        }
    }
}

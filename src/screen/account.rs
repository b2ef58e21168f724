//! Who is signed in, as the form's header shows them.

use crate::api::User;

/// Who is signed in, for the form's header.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Account {
    /// The user's id (users/me `id`), which a kept draft is bound to.
    pub user_id: String,
    pub login_name: String,
    /// Whom the avatar shows, as its accessible name: the display name, or else the
    /// login name.
    pub name: String,
    /// One or two letters, shown when there is no avatar or it cannot be loaded.
    pub initials: String,
    pub avatar_url: Option<String>,
    /// The email address and whether it is verified.
    pub email: Option<(String, bool)>,
}

impl Account {
    pub fn of(user: &User) -> Self {
        let human = user.human.clone().unwrap_or_default();
        let form = human.profile.form();
        let name = Some(form.display_name.trim())
            .filter(|n| !n.is_empty())
            .unwrap_or(&user.preferred_login_name);
        Account {
            user_id: user.id.clone(),
            login_name: user.preferred_login_name.clone(),
            name: name.to_owned(),
            initials: initials(&form.first_name, &form.last_name, name),
            avatar_url: Some(human.profile.avatar_url).filter(|u| !u.is_empty()),
            email: Some(human.email)
                .filter(|e| !e.email.is_empty())
                .map(|e| (e.email, e.is_email_verified)),
        }
    }
}

impl Account {
    /// Keeps the avatar only when it is served from one of `ours` (the instance and
    /// its API, where ZITADEL's assets API lives): a profile cannot make the page
    /// load images from elsewhere. The documented CSP's `img-src` allows the same.
    pub fn with_avatar_from(mut self, ours: &[&str]) -> Self {
        let origin = crate::url::origin;
        let allowed: Vec<String> = ours.iter().filter_map(|u| origin(u)).collect();
        self.avatar_url = self
            .avatar_url
            .filter(|u| origin(u).is_some_and(|o| allowed.contains(&o)));
        self
    }
}

/// The first letters of the first and the last name; the first letter of `fallback`
/// when both names are empty. Latin letters are put in capitals; others stay as
/// written (Unicode's case tables would cost kilobytes for names people already
/// write capitalised).
pub fn initials(first_name: &str, last_name: &str, fallback: &str) -> String {
    let first_letter = |s: &str| s.trim().chars().next().map(|c| c.to_ascii_uppercase());
    let letters: String = [first_letter(first_name), first_letter(last_name)]
        .into_iter()
        .flatten()
        .collect();
    if letters.is_empty() {
        first_letter(fallback).map(String::from).unwrap_or_default()
    } else {
        letters
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::wire::Email;
    use crate::screen::tests::user;
    #[allow(unused_imports)]
    use crate::screen::{Change, Effect};

    #[test]
    fn an_avatar_is_shown_only_from_the_instance_or_its_api() {
        let with = |url: &str| Account {
            avatar_url: Some(url.into()),
            ..Account::default()
        };
        let ours = [
            "https://acme.zitadel.cloud",
            "https://api.acme.example/base",
        ];
        let kept = |url: &str| with(url).with_avatar_from(&ours).avatar_url.is_some();
        assert!(kept(
            "https://acme.zitadel.cloud/assets/v1/1/users/2/avatar"
        ));
        assert!(kept("https://API.acme.example/assets/v1/1/users/2/avatar"));
        assert!(!kept("https://tracker.example/pixel.png"));
        assert!(!kept(
            "http://acme.zitadel.cloud/assets/v1/1/users/2/avatar"
        ));
        assert!(!kept("data:image/svg+xml,<svg/>"));
        assert!(!kept("javascript:alert(1)"));
    }

    #[test]
    fn initials_come_from_the_names_or_else_the_fallback() {
        assert_eq!(initials("ada", "lovelace", "x"), "AL");
        assert_eq!(initials(" Émile", "", "x"), "É");
        assert_eq!(initials("", "", "ada@acme"), "A");
        assert_eq!(initials("", "", ""), "");
        assert_eq!(
            initials("élodie", "", ""),
            "é",
            "left as written beyond ASCII"
        );
    }

    #[test]
    fn an_account_without_display_name_or_email_is_named_by_its_login() {
        let mut user = user();
        if let Some(human) = user.human.as_mut() {
            human.profile.display_name = "  ".into();
            human.profile.avatar_url = "https://acme.example/assets/v1/1/users/42/avatar".into();
            human.email = Email::default();
        }
        let account = Account::of(&user);
        assert_eq!(account.name, "ada@acme");
        assert_eq!(account.email, None);
        assert_eq!(
            account.avatar_url.as_deref(),
            Some("https://acme.example/assets/v1/1/users/42/avatar")
        );
    }
}

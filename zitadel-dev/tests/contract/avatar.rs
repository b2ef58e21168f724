//! Avatars on the assets API.

use axum::http::{Method, StatusCode};
use zitadel_dev::config::SECOND_USER;

use crate::harness::{field, minted_for, Harness, ISSUER};

/// One seeded user has an avatar on the assets API, named in `users/me` as
/// `human.profile.avatarUrl`; the other has none (the key absent, as protojson leaves
/// out an empty string) and her avatar's address answers 404.
#[tokio::test]
async fn the_demo_user_has_an_avatar_on_the_assets_api_and_the_second_none() {
    let h = Harness::new();
    let me = h.me(&h.api_token()).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap()
        .to_owned();
    let path = url.strip_prefix(ISSUER).expect("on the instance's origin");
    assert!(path.starts_with("/assets/v1/"), "{path}");
    let avatar = h.api(Method::GET, path, None, None).await;
    assert_eq!(avatar.status, StatusCode::OK);
    assert_eq!(avatar.headers["content-type"], "image/svg+xml");
    let hedy = minted_for(&h, SECOND_USER).await;
    let her = h.me(field(&hedy, "access_token")).await.json();
    assert!(her["user"]["human"]["profile"].get("avatarUrl").is_none());
    assert!(
        her["user"]["human"]["email"]
            .get("isEmailVerified")
            .is_none(),
        "not verified"
    );
    let id = her["user"]["id"].as_str().unwrap();
    let none = path.replace(zitadel_dev::config::DEMO_USER_ID, id);
    assert_eq!(
        h.api(Method::GET, &none, None, None).await.status,
        StatusCode::NOT_FOUND
    );
}

/// N10: the avatar's SVG holds the initials as text, escaped: a name starting with
/// markup stays a name.
#[tokio::test]
async fn the_avatar_escapes_the_initials_it_shows() {
    let h = Harness::new();
    let token = h.api_token();
    let mut profile = crate::harness::valid_profile();
    profile["firstName"] = "<script>".into();
    profile["lastName"] = "&amp".into();
    let saved = h.put_profile(&token, profile).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text());
    let me = h.me(&token).await.json();
    let url = me["user"]["human"]["profile"]["avatarUrl"]
        .as_str()
        .unwrap();
    let path = url.strip_prefix(ISSUER).unwrap().to_owned();
    let svg = h.api(Method::GET, &path, None, None).await.text();
    assert!(svg.contains("<title>&lt;&amp;</title>"), "{svg}");
    assert_eq!(svg.matches('<').count(), svg.matches('>').count(), "{svg}");
}

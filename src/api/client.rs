//! The client for the signed-in user's own profile: two calls, each through
//! [`crate::http`] with the access token and the configured timeout.

use super::wire::{MeResponse, UpdateResponse};
#[cfg(feature = "picture")]
use crate::http::{upload, Progress, Started};
use crate::http::{HttpError, Request};
use crate::oidc::types::AccessToken;
use crate::profile::ValidProfile;

/// A client for `/auth/v1/users/me`. The token is a secret type, so `Debug` is safe.
#[derive(Debug, Clone)]
pub struct ApiClient {
    base: String,
    access_token: AccessToken,
    timeout_ms: u32,
}

impl ApiClient {
    /// `base` is the API base URL without a trailing slash.
    pub fn new(base: &str, access_token: AccessToken, timeout_ms: u32) -> Self {
        Self {
            base: base.to_owned(),
            access_token,
            timeout_ms,
        }
    }

    pub async fn me(&self) -> Result<MeResponse, HttpError> {
        let url = format!("{}/auth/v1/users/me", self.base);
        self.authorize(Request::get(&url), &self.bearer())
            .send_json(self.timeout_ms)
            .await
    }

    /// Replaces the whole profile with `profile`.
    pub async fn update_profile(
        &self,
        profile: &ValidProfile,
    ) -> Result<UpdateResponse, HttpError> {
        let url = format!("{}/auth/v1/users/me/profile", self.base);
        self.authorize(Request::put(&url), &self.bearer())
            .json(profile.to_json())
            .send_json(self.timeout_ms)
            .await
    }

    #[cfg(feature = "picture")]
    /// Uploads `picture` as the user's avatar (`multipart/form-data`, one part `file`),
    /// telling `progress` how much is sent. The time limit is six times the API's: a
    /// picture of up to 512 KiB on a slow link takes longer than a JSON call.
    pub async fn upload_avatar(
        &self,
        picture: &web_sys::Blob,
        progress: Progress,
        started: Started,
    ) -> Result<String, HttpError> {
        let url = format!("{}/assets/v1/users/me/avatar", self.base);
        let failed = |_| HttpError::Network("the picture could not be attached".into());
        let form = web_sys::FormData::new().map_err(failed)?;
        form.append_with_blob_and_filename("file", picture, "avatar")
            .map_err(failed)?;
        let limit = self.timeout_ms.saturating_mul(6);
        upload(&url, &self.bearer(), &form, limit, progress, started).await
    }

    #[cfg(feature = "picture")]
    /// Removes the user's avatar.
    pub async fn remove_avatar(&self) -> Result<String, HttpError> {
        let url = format!("{}/auth/v1/users/me/avatar", self.base);
        self.authorize(Request::delete(&url), &self.bearer())
            .send(self.timeout_ms)
            .await
    }

    fn bearer(&self) -> String {
        format!("Bearer {}", self.access_token.secret())
    }

    /// Only headers on ZITADEL's CORS list: anything else breaks the preflight.
    fn authorize<'a>(&self, request: Request<'a>, bearer: &'a str) -> Request<'a> {
        request
            .header("Authorization", bearer)
            .header("Accept", "application/json")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_never_prints_its_token() {
        let client = ApiClient::new(
            "https://acme.zitadel.cloud",
            AccessToken::new("at-secret".into()),
            1_000,
        );
        let printed = format!("{client:?}");
        assert!(!printed.contains("at-secret"), "{printed}");
        assert!(printed.contains("[redacted]"), "{printed}");
    }
}

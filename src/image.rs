//! The picture in the browser, through its own APIs (no image code in the wasm): a
//! file decoded by `createImageBitmap`, the crop drawn on a canvas, and the result
//! encoded by the canvas as WebP, or JPEG where the browser writes no WebP.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, CanvasRenderingContext2d, HtmlCanvasElement, ImageBitmap};

use crate::avatar::{next_quality, Crop, PictureProblem, QUALITIES};

/// Decodes `file` (any format the browser reads; EXIF orientation applied).
pub async fn decode(file: &Blob) -> Result<ImageBitmap, PictureProblem> {
    let kind = file.type_();
    let failed = || PictureProblem::undecodable(&kind);
    if !kind.is_empty() && !kind.starts_with("image/") {
        return Err(PictureProblem::NotAnImage);
    }
    let decoding = web_sys::window()
        .ok_or_else(failed)?
        .create_image_bitmap_with_blob(file)
        .map_err(|_| failed())?;
    let bitmap = JsFuture::from(decoding).await.map_err(|_| failed())?;
    bitmap.dyn_into().map_err(|_| failed())
}

/// Draws `crop` of `bitmap` over the whole of `canvas`; on `background` first, when
/// given (JPEG has no transparency).
pub fn draw(
    canvas: &HtmlCanvasElement,
    bitmap: &ImageBitmap,
    crop: &Crop,
    background: Option<&str>,
) {
    let context = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok());
    let Some(context) = context else {
        return;
    };
    let (width, height) = (f64::from(canvas.width()), f64::from(canvas.height()));
    context.clear_rect(0.0, 0.0, width, height);
    if let Some(colour) = background {
        context.set_fill_style_str(colour);
        context.fill_rect(0.0, 0.0, width, height);
    }
    let side = crop.side();
    let _ = context.draw_image_with_image_bitmap_and_sw_and_sh_and_dx_and_dy_and_dw_and_dh(
        bitmap, crop.x, crop.y, side, side, 0.0, 0.0, width, height,
    );
}

/// The picture to upload: `crop` of `bitmap`, at most 512 × 512, encoded at the
/// highest quality that fits `limit` bytes ([`crate::avatar::MAX_BYTES`]).
pub async fn encode(bitmap: &ImageBitmap, crop: &Crop, limit: f64) -> Result<Blob, PictureProblem> {
    let canvas: HtmlCanvasElement = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.create_element("canvas").ok())
        .and_then(|e| e.dyn_into().ok())
        .ok_or(PictureProblem::Unreadable)?;
    let side = crop.output_side() as u32;
    canvas.set_width(side);
    canvas.set_height(side);
    draw(&canvas, bitmap, crop, None);
    let mut kind = "image/webp";
    let mut quality = QUALITIES[0];
    loop {
        let blob = to_blob(&canvas, kind, quality)
            .await
            .ok_or(PictureProblem::Unreadable)?;
        if blob.type_() != kind {
            if kind == "image/jpeg" {
                return Err(PictureProblem::Unreadable);
            }
            // This browser writes no WebP (it gave PNG instead): JPEG, on white.
            kind = "image/jpeg";
            draw(&canvas, bitmap, crop, Some("#fff"));
            continue;
        }
        match next_quality(quality, blob.size(), limit)? {
            None => return Ok(blob),
            Some(lower) => quality = lower,
        }
    }
}

/// `canvas.toBlob` as a future; `None` when the browser could not encode.
pub async fn to_blob(canvas: &HtmlCanvasElement, kind: &str, quality: f64) -> Option<Blob> {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = canvas.to_blob_with_type_and_encoder_options(&resolve, kind, &quality.into());
    });
    JsFuture::from(promise).await.ok()?.dyn_into().ok()
}

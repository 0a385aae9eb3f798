//! QR codes as SVG, drawn by the `qrcode` crate: a poster printed at A4 stays sharp at any size.

use qrcode::{render::svg, EcLevel, QrCode};

/// The QR code of `text` as an SVG document, with a quiet zone, at medium error correction (it
/// still scans when a poster is creased or partly covered).
pub fn svg(text: &str) -> Result<String, String> {
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M)
        .map_err(|e| e.to_string())?;
    Ok(code
        .render::<svg::Color>()
        .min_dimensions(240, 240)
        .quiet_zone(true)
        .dark_color(svg::Color("#000000"))
        .light_color(svg::Color("#ffffff"))
        .build())
}

#[cfg(test)]
mod tests {
    #[test]
    fn draws_an_svg() {
        let s = super::svg("https://minyi.example.cn/deputies/1/book").unwrap();
        assert!(s.contains("<svg"));
        assert!(s.contains("#000000"));
    }
}

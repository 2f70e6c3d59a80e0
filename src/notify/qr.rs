//! The check-in code as a QR code in a PNG, for emails: mail programs show an inline PNG
//! (`cid:`), while most drop SVG and `data:` images.

/// The Content-ID the HTML part refers to (`<img src="cid:checkin-qr">`).
pub const CONTENT_ID: &str = "checkin-qr";

const SCALE: usize = 6;
const QUIET: usize = 4;

/// A PNG of `code` as a QR code (1-bit greyscale), or `None` if the encoder refuses it.
pub fn png(code: &str) -> Option<Vec<u8>> {
    let qr = qrcode::QrCode::new(code.as_bytes()).ok()?;
    let modules = qr.width();
    let dark = qr.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let row_bytes = side.div_ceil(8);
    let mut pixels = vec![0xffu8; row_bytes * side];
    for y in 0..side {
        let Some(my) = (y / SCALE).checked_sub(QUIET).filter(|m| *m < modules) else {
            continue;
        };
        for x in 0..side {
            let mx = (x / SCALE).checked_sub(QUIET).filter(|m| *m < modules);
            if mx.is_some_and(|mx| dark[my * modules + mx] == qrcode::Color::Dark) {
                pixels[y * row_bytes + x / 8] &= !(0x80 >> (x % 8));
            }
        }
    }
    let side = u32::try_from(side).ok()?;
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, side, side);
    encoder.set_color(png::ColorType::Grayscale);
    encoder.set_depth(png::BitDepth::One);
    let mut writer = encoder.write_header().ok()?;
    writer.write_image_data(&pixels).ok()?;
    writer.finish().ok()?;
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::png;

    #[test]
    fn a_code_becomes_a_png_with_its_chunks() {
        let png = png("6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f").expect("encodes");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        let side = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert!(side >= 200, "{side}");
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
        // It decodes back to a square 1-bit image of that side.
        let decoder = png::Decoder::new(std::io::Cursor::new(&png));
        let reader = decoder.read_info().expect("a valid PNG");
        let info = reader.info();
        assert_eq!((info.width, info.height), (side, side));
        assert_eq!(info.bit_depth, png::BitDepth::One);
    }
}

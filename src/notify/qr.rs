//! The check-in code as a QR code in a PNG, for emails: mail programs show an inline PNG
//! (`cid:`), while most drop SVG and `data:` images. The PNG is written here (1-bit greyscale,
//! zlib "stored" blocks): a code of a few hundred modules needs no compression library.

/// The Content-ID the HTML part refers to (`<img src="cid:checkin-qr">`).
pub const CONTENT_ID: &str = "checkin-qr";

const SCALE: usize = 6;
const QUIET: usize = 4;

/// A PNG of `code` as a QR code, or `None` if the encoder refuses it (too long).
pub fn png(code: &str) -> Option<Vec<u8>> {
    let qr = qrcode::QrCode::new(code.as_bytes()).ok()?;
    let modules = qr.width();
    let dark = qr.to_colors();
    let side = (modules + 2 * QUIET) * SCALE;
    let row_bytes = side.div_ceil(8);
    let mut raw = Vec::with_capacity((row_bytes + 1) * side);
    for y in 0..side {
        raw.push(0); // filter: none
        let my = (y / SCALE).checked_sub(QUIET).filter(|m| *m < modules);
        let mut row = vec![0xffu8; row_bytes];
        if let Some(my) = my {
            for x in 0..side {
                let mx = (x / SCALE).checked_sub(QUIET).filter(|m| *m < modules);
                if let Some(mx) = mx {
                    if dark[my * modules + mx] == qrcode::Color::Dark {
                        row[x / 8] &= !(0x80 >> (x % 8));
                    }
                }
            }
        }
        raw.extend_from_slice(&row);
    }
    let side = u32::try_from(side).ok()?;
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&side.to_be_bytes());
    header.extend_from_slice(&[1, 0, 0, 0, 0]); // 1 bit, greyscale, deflate, no filter, no interlace
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &zlib_stored(&raw));
    chunk(&mut out, b"IEND", &[]);
    Some(out)
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend_from_slice(&(data.len() as u32).to_be_bytes());
    let start = out.len();
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let crc = crc32(&out[start..]);
    out.extend_from_slice(&crc.to_be_bytes());
}

/// A zlib stream of uncompressed deflate blocks (RFC 1950/1951).
fn zlib_stored(data: &[u8]) -> Vec<u8> {
    let mut out = vec![0x78, 0x01];
    let blocks: Vec<&[u8]> = data.chunks(65_535).collect();
    for (i, block) in blocks.iter().enumerate() {
        out.push(u8::from(i + 1 == blocks.len()));
        let len = block.len() as u16;
        out.extend_from_slice(&len.to_le_bytes());
        out.extend_from_slice(&(!len).to_le_bytes());
        out.extend_from_slice(block);
    }
    let (mut a, mut b) = (1u32, 0u32);
    for byte in data {
        a = (a + u32::from(*byte)) % 65_521;
        b = (b + a) % 65_521;
    }
    out.extend_from_slice(&((b << 16) | a).to_be_bytes());
    out
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for byte in data {
        crc ^= u32::from(*byte);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::{crc32, png};

    #[test]
    fn crc_is_the_png_one() {
        assert_eq!(crc32(b"IEND"), 0xae42_6082);
    }

    #[test]
    fn a_code_becomes_a_png_with_its_chunks() {
        let png = png("6f1c2d3e-4a5b-4c7d-8e9f-0a1b2c3d4e5f").expect("encodes");
        assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
        assert_eq!(&png[12..16], b"IHDR");
        let side = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
        assert!(side >= 200, "{side}");
        assert!(png.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xae, 0x42, 0x60, 0x82]));
    }
}

//! The sealed envelope of a derived binary cache (`library.cache`,
//! `reviews.cache`): postcard of `{magic, format, ontap version, CRC-32,
//! payload}`, checked whole before the payload is decoded, so a cache of
//! another kind, format or ontap version, or a damaged one, reads as none.

use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
struct Envelope<'a> {
    magic: &'a str,
    format: u32,
    ontap: &'a str,
    crc: u32,
    #[serde(borrow)]
    payload: &'a [u8],
}

/// `body` sealed under `magic` and `format`; `None` if it does not encode.
pub fn seal<T: Serialize>(magic: &str, format: u32, body: &T) -> Option<Vec<u8>> {
    let payload = postcard::to_allocvec(body).ok()?;
    postcard::to_allocvec(&Envelope {
        magic,
        format,
        ontap: env!("CARGO_PKG_VERSION"),
        crc: crc32fast::hash(&payload),
        payload: &payload,
    })
    .ok()
}

/// The body sealed in `bytes`, if they are one whole envelope of this
/// `magic`, `format` and ontap version whose payload matches its CRC.
pub fn open<'a, T: Deserialize<'a>>(bytes: &'a [u8], magic: &str, format: u32) -> Option<T> {
    let (envelope, rest): (Envelope<'a>, _) = postcard::take_from_bytes(bytes).ok()?;
    let current = envelope.magic == magic
        && envelope.format == format
        && envelope.ontap == env!("CARGO_PKG_VERSION")
        && rest.is_empty()
        && crc32fast::hash(envelope.payload) == envelope.crc;
    if !current {
        return None;
    }
    postcard::from_bytes(envelope.payload).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sealed_body_opens_only_as_itself() {
        let body = vec![String::from("một"), String::from("hai")];
        let bytes = seal("test cache", 3, &body).unwrap();
        assert_eq!(open::<Vec<String>>(&bytes, "test cache", 3), Some(body));
        assert_eq!(open::<Vec<String>>(&bytes, "other cache", 3), None);
        assert_eq!(open::<Vec<String>>(&bytes, "test cache", 4), None);
        let mut longer = bytes.clone();
        longer.push(0);
        assert_eq!(open::<Vec<String>>(&longer, "test cache", 3), None);
        let mut damaged = bytes.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 0x01;
        assert_eq!(open::<Vec<String>>(&damaged, "test cache", 3), None);
    }
}

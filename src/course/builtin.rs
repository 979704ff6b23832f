//! The class notes and images compiled into the binary, so that the app shows them from
//! anywhere (the release binary copied to an empty folder still has them).

/// The built-in documents: (file name, markdown).
pub const DOCUMENTS: &[(&str, &str)] = &[(
    "msp-t3-23-5.md",
    include_str!("../../content/msp-t3-23-5.md"),
)];

/// The built-in images: (path relative to the documents, bytes).
pub const IMAGES: &[(&str, &[u8])] = &[(
    "img/expose-nginx_23-5.png",
    include_bytes!("../../content/img/expose-nginx_23-5.png"),
)];

/// The URI scheme prefix under which the built-in images are registered with egui.
pub const IMAGE_URI_PREFIX: &str = "bytes://builtin/";

/// The bytes of a built-in image, by its relative path.
pub fn image(path: &str) -> Option<&'static [u8]> {
    let path = path.trim_start_matches("./");
    IMAGES.iter().find(|(p, _)| *p == path).map(|(_, b)| *b)
}

//! The Windows exe's icon and version (Explorer's Properties › Details), from
//! `assets/icon/study-companion.ico` (drawn by `tools/make-icon.sh`) and this package's
//! version, compiled by the target's resource compiler: MinGW's `windres` when building on
//! Linux (`x86_64-w64-mingw32-windres`, Debian's `binutils-mingw-w64-x86-64`), the Windows
//! SDK's `rc.exe` on Windows. The target is read from Cargo (`CARGO_CFG_TARGET_OS`): this
//! script runs on the machine that builds, which is not always the one the exe is for.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=assets/icon/study-companion.ico");
    if std::env::var("CARGO_CFG_TARGET_OS").as_deref() != Ok("windows") {
        return;
    }
    let mut res = winresource::WindowsResource::new();
    res.set_icon("assets/icon/study-companion.ico")
        .set("ProductName", "Study Companion")
        .set(
            "FileDescription",
            "Study Companion — MSP T3 class Q&A notes",
        )
        .set("InternalName", "study-companion")
        .set("OriginalFilename", "study-companion.exe")
        // English (United States): the language the version block is written in.
        .set_language(0x0409);
    // Only the app's own exe: test and bench binaries need no icon.
    if let Err(e) = res.compile_for("study-companion") {
        // A release exe without its icon is not shipped; a type-check or a debug build
        // without a resource compiler goes on, said once.
        if std::env::var("PROFILE").as_deref() == Ok("release") {
            panic!("the exe's icon and version could not be compiled: {e}");
        }
        println!(
            "cargo:warning=the exe's icon and version are left out (no resource compiler: {e})"
        );
    }
}

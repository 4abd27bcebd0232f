//! Reading small local files (shared config files, token files) safely:
//! bounded in size, and never blocking on something that is not a file.
//!
//! Paths come from the environment (`AWS_CONFIG_FILE`,
//! `AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE`, ...), so they may name a FIFO
//! that no one ever writes to (an `open` for reading would block forever, on
//! a thread no timeout can reclaim), a device such as `/dev/zero` (endless),
//! or a huge or sparse file (read whole, it would exhaust memory). Every
//! local file the runtime reads goes through [`read`].

use std::fmt;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::text::Escaped;

/// The largest shared `config` or `credentials` file accepted: far above
/// any real one (a thousand SSO profiles are ~200 KiB), far below trouble.
pub(crate) const MAX_CONFIG_FILE: u64 = 4 * 1024 * 1024;

/// The largest token file accepted (container authorization tokens, and
/// web identity tokens: JWTs of a few KiB).
pub(crate) const MAX_TOKEN_FILE: u64 = 64 * 1024;

/// Why a local file was not read.
#[derive(Debug)]
pub(crate) struct LocalFileError {
    path: PathBuf,
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    NotFound(std::io::Error),
    NotRegular,
    TooLarge { limit: u64 },
    NotUtf8,
    Io(std::io::Error),
}

impl LocalFileError {
    /// True when nothing exists at the path (a missing shared file reads
    /// as empty; a missing token file is an error).
    pub(crate) fn is_not_found(&self) -> bool {
        matches!(self.kind, Kind::NotFound(_))
    }

    /// What is wrong, without the path: "it is not a regular file ...".
    pub(crate) fn reason(&self) -> String {
        match &self.kind {
            Kind::NotFound(_) => "it does not exist".to_owned(),
            Kind::NotRegular => {
                "it is not a regular file (a directory, FIFO, socket or device)".to_owned()
            }
            Kind::TooLarge { limit } => format!("it is larger than the {limit}-byte limit"),
            Kind::NotUtf8 => "it is not UTF-8 text".to_owned(),
            Kind::Io(e) => e.to_string(),
        }
    }
}

impl fmt::Display for LocalFileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "could not read {}: {}",
            Escaped(&self.path.display().to_string()),
            self.reason()
        )
    }
}

impl std::error::Error for LocalFileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            Kind::NotFound(e) | Kind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// The bytes of the regular file at `path`, if it holds at most `limit`.
///
/// Checked twice: the path's metadata before opening (so a FIFO is never
/// opened), and the opened file's after (so a FIFO swapped in between is
/// caught; on Unix it is opened non-blocking, so that `open` returns at
/// once). At most `limit + 1` bytes are ever read, so a file that grows
/// after the check is refused too. Runs on the blocking pool.
pub(crate) async fn read(path: &Path, limit: u64) -> Result<Vec<u8>, LocalFileError> {
    let [(path, bytes)] = read_on_blocking_pool([path], limit).await;
    bytes.map_err(|kind| LocalFileError { path, kind })
}

/// Like [`read`], as UTF-8 text.
pub(crate) async fn read_to_string(path: &Path, limit: u64) -> Result<String, LocalFileError> {
    let [text] = read_each_to_string([path], limit).await;
    text
}

/// [`read_to_string`] for several files in one trip to the blocking pool
/// (the shared `config` and `credentials` files): a fresh process then
/// starts one blocking thread for them, not one per file.
pub(crate) async fn read_each_to_string<const N: usize>(
    paths: [&Path; N],
    limit: u64,
) -> [Result<String, LocalFileError>; N] {
    read_on_blocking_pool(paths, limit)
        .await
        .map(|(path, bytes)| {
            bytes
                .and_then(|bytes| String::from_utf8(bytes).map_err(|_| Kind::NotUtf8))
                .map_err(|kind| LocalFileError { path, kind })
        })
}

/// Each file's bytes, read by one blocking task, next to its path.
async fn read_on_blocking_pool<const N: usize>(
    paths: [&Path; N],
    limit: u64,
) -> [(PathBuf, Result<Vec<u8>, Kind>); N] {
    let owned = paths.map(Path::to_path_buf);
    let read = tokio::task::spawn_blocking(move || {
        owned.map(|path| {
            let bytes = read_blocking(&path, limit);
            (path, bytes)
        })
    })
    .await;
    match read {
        Ok(read) => read,
        // The task panicked, or the runtime is shutting down.
        Err(join) => {
            let message = join.to_string();
            paths.map(|path| {
                let error = std::io::Error::other(message.clone());
                (path.to_owned(), Err(Kind::Io(error)))
            })
        }
    }
}

/// A token file (container authorization token, web identity token): UTF-8
/// text of at most [`MAX_TOKEN_FILE`] bytes, surrounding whitespace removed.
pub(crate) async fn read_token(path: &Path) -> Result<String, LocalFileError> {
    read_to_string(path, MAX_TOKEN_FILE)
        .await
        .map(|text| text.trim().to_owned())
}

fn read_blocking(path: &Path, limit: u64) -> Result<Vec<u8>, Kind> {
    let io = |e: std::io::Error| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Kind::NotFound(e)
        } else {
            Kind::Io(e)
        }
    };
    check(&std::fs::metadata(path).map_err(io)?, limit)?;
    let file = open(path).map_err(io)?;
    check(&file.metadata().map_err(io)?, limit)?;
    let mut bytes = Vec::new();
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(Kind::TooLarge { limit });
    }
    Ok(bytes)
}

fn check(metadata: &std::fs::Metadata, limit: u64) -> Result<(), Kind> {
    if !metadata.is_file() {
        return Err(Kind::NotRegular);
    }
    if metadata.len() > limit {
        return Err(Kind::TooLarge { limit });
    }
    Ok(())
}

#[cfg(unix)]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a
    // writer. Regular files ignore the flag for reads.
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK)
        .open(path)
}

#[cfg(not(unix))]
fn open(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("awsop-local-file-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[tokio::test]
    async fn reads_small_files_and_refuses_the_rest() {
        let dir = temp("unit");
        let file = dir.join("token");
        std::fs::write(&file, " tok\n").unwrap();
        assert_eq!(read_token(&file).await.unwrap(), "tok");
        assert_eq!(read(&file, 5).await.unwrap(), b" tok\n");

        let err = read(&file, 4).await.unwrap_err();
        assert!(matches!(err.kind, Kind::TooLarge { limit: 4 }), "{err}");
        let err = read(&dir, 4).await.unwrap_err();
        assert!(matches!(err.kind, Kind::NotRegular), "{err}");
        let err = read(&dir.join("missing"), 4).await.unwrap_err();
        assert!(err.is_not_found(), "{err}");

        std::fs::write(&file, [0xff, 0xfe]).unwrap();
        let err = read_token(&file).await.unwrap_err();
        assert!(err.to_string().ends_with("it is not UTF-8 text"), "{err}");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn paths_are_shown_escaped() {
        let err = LocalFileError {
            path: PathBuf::from("/tmp/a\u{1b}[2Jb"),
            kind: Kind::NotRegular,
        };
        assert!(err
            .to_string()
            .starts_with("could not read /tmp/a\\u{1b}[2Jb: "));
    }
}

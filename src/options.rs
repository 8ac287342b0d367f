//! Run-time options: the hot-call threshold and its environment override.

use std::sync::atomic::{AtomicU64, Ordering::Relaxed};

/// Calls after which a function is hot.
///
/// CPython 3.11 quickens a function's bytecode after 8 calls, and its
/// specialised instructions are the compiler's free type profile; 100 leaves
/// room for that and keeps run-once code (module bodies, setup) out of the
/// compiler.
pub const DEFAULT_THRESHOLD: u64 = 100;

/// Environment variable that overrides the default threshold.
pub const THRESHOLD_ENV: &str = "DIOJIT_THRESHOLD";

static THRESHOLD: AtomicU64 = AtomicU64::new(DEFAULT_THRESHOLD);

#[inline(always)]
pub fn threshold() -> u64 {
    THRESHOLD.load(Relaxed)
}

pub fn set_threshold(n: u64) {
    THRESHOLD.store(n, Relaxed);
}

/// Parses a threshold given by the user (argument or environment).
pub fn parse_threshold(text: &str, source: &str) -> Result<u64, String> {
    match text.trim().parse::<u64>() {
        Ok(n) if n >= 1 => Ok(n),
        _ => Err(format!("{source} must be a positive integer, got {text:?}")),
    }
}

/// The threshold to use when `enable()` is given none: `DIOJIT_THRESHOLD`
/// if set, else the default.
pub fn threshold_from_env() -> Result<u64, String> {
    match std::env::var(THRESHOLD_ENV) {
        Ok(text) if !text.trim().is_empty() => parse_threshold(&text, THRESHOLD_ENV),
        _ => Ok(DEFAULT_THRESHOLD),
    }
}

/// Environment variable that turns frameless self calls off (`0`).
pub const VIRTUAL_FRAMES_ENV: &str = "DIOJIT_VIRTUAL_FRAMES";

/// Whether code compiled now may run self calls without frames (see
/// `compiler::frameless`): on unless `DIOJIT_VIRTUAL_FRAMES=0`, for
/// sampling profilers that read frames from the process's memory.
pub fn virtual_frames() -> bool {
    std::env::var(VIRTUAL_FRAMES_ENV).map_or(true, |v| v.trim() != "0")
}

#[cfg(test)]
mod tests {
    use super::parse_threshold;

    #[test]
    fn accepts_positive_integers() {
        assert_eq!(parse_threshold("1", "x"), Ok(1));
        assert_eq!(parse_threshold(" 250 ", "x"), Ok(250));
    }

    #[test]
    fn rejects_zero_negative_and_garbage() {
        for bad in ["0", "-3", "ten", "", "1.5"] {
            let err = parse_threshold(bad, "DIOJIT_THRESHOLD").unwrap_err();
            assert!(err.contains("DIOJIT_THRESHOLD must be a positive integer"), "{err}");
        }
    }
}

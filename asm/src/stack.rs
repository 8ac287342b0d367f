//! Reading the machine stack pointer, for C-stack overflow guards.

use std::arch::asm;

/// The current stack pointer of the calling thread.
///
/// Stacks grow downwards on every target we support, so a smaller value means
/// deeper recursion.
#[inline(always)]
pub fn stack_pointer() -> usize {
    let sp: usize;
    // SAFETY: copies the stack-pointer register into a general register;
    // reads no memory and changes no flags or other state.
    #[cfg(target_arch = "x86_64")]
    unsafe {
        asm!("mov {}, rsp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    #[cfg(target_arch = "aarch64")]
    unsafe {
        asm!("mov {}, sp", out(reg) sp, options(nomem, nostack, preserves_flags));
    }
    sp
}

#[cfg(test)]
mod tests {
    use super::stack_pointer;

    #[inline(never)]
    fn deeper(depth: u32) -> usize {
        let mut pad = [0u8; 256];
        std::hint::black_box(&mut pad);
        if depth == 0 {
            stack_pointer()
        } else {
            deeper(depth - 1)
        }
    }

    #[test]
    fn grows_downwards_with_recursion() {
        let here = stack_pointer();
        let below = deeper(8);
        assert!(below < here, "{below:#x} should be below {here:#x}");
        assert!(here - below >= 8 * 256);
    }

    #[test]
    fn is_inside_the_thread_stack() {
        let local = 0u64;
        let addr = std::hint::black_box(&local) as *const u64 as usize;
        let sp = stack_pointer();
        assert!(addr.abs_diff(sp) < 64 * 1024, "sp {sp:#x} far from local {addr:#x}");
    }
}

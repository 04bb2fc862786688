//! The process allocator: the system allocator, with large blocks marked for
//! transparent huge pages.
//!
//! Why: a 300 MB chunk touched for the first time takes ~75,000 page faults of
//! 4 KiB each, and on machines whose THP mode is `madvise` (Debian's default)
//! those faults cost more than the arithmetic that fills the chunk. NumPy
//! advises huge pages for every allocation of 4 MiB or more; Tessera does the
//! same here so fresh chunks fault in 2 MiB at a time. Nothing else changes:
//! memory comes from and returns to `System`.

mod idle;

pub use idle::{cell_finished, cell_started, IDLE_TRIM_AFTER};

use std::alloc::{GlobalAlloc, Layout, System};

/// Blocks at least this large are advised to use huge pages (NumPy's figure).
const HUGE_FROM: usize = 4 << 20;
/// The huge page size on x86-64 and aarch64 with 4 KiB base pages.
const HUGE_PAGE: usize = 2 << 20;

/// `System`, plus `madvise(MADV_HUGEPAGE)` on the whole huge pages inside
/// every large block.
pub struct HugePageAlloc;

impl HugePageAlloc {
    fn advise(ptr: *mut u8, size: usize) {
        if ptr.is_null() || size < HUGE_FROM {
            return;
        }
        let start = (ptr as usize).next_multiple_of(HUGE_PAGE);
        let end = (ptr as usize + size) / HUGE_PAGE * HUGE_PAGE;
        if end > start {
            // SAFETY: [start, end) lies inside the block the system allocator
            // just handed out; madvise only changes how it is backed, and a
            // failure (THP off, old kernel) leaves the memory as it was.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
}

// SAFETY: every call forwards to `System` with the same arguments; `advise`
// never reads, writes or frees the memory.
unsafe impl GlobalAlloc for HugePageAlloc {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        Self::advise(p, layout.size());
        p
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc_zeroed(layout) };
        Self::advise(p, layout.size());
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        Self::advise(p, new_size);
        p
    }
}

/// Blocks below this come from the heap, whose freed memory is reused.
/// glibc's default threshold starts at 128 KiB and rises to the size of the
/// last freed mmapped block, so a compute's same-sized task tables (a 10⁵-task
/// graph is a few 14 MiB vectors) and 256 KiB tiles were mmapped, faulted in
/// page by page and unmapped again, pass after pass. Not higher: blocks of a
/// typical chunk size (a 2000² float64 block is 30.5 MiB) must keep their own
/// mappings, so one freed after the cell's trim (an interrupted compute's
/// last tasks) still goes straight back to the system.
const MMAP_FROM: i32 = 16 << 20;

/// Heap top kept when freeing, so a heap that shrinks and regrows within one
/// compute is not trimmed and re-faulted each time. It must be at least the
/// 64 MiB of a worker thread's arena heap: at 32 MiB, glibc shrank the
/// workers' heaps with `MADV_DONTNEED` after nearly every tile of a streamed
/// reduction (W9's `mean(axis=0)`: 241 releases of ~63 MiB, 3.5 million page
/// faults, 9 s instead of 4 s). Memory a cell leaves free still goes back to
/// the system once the kernel is idle ([`cell_finished`]).
const TRIM_FROM: i32 = 64 << 20;

/// Set the allocator's thresholds for a computing process. Call once, first
/// thing in `main`.
pub fn tune() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallopt only changes glibc's allocation thresholds.
    unsafe {
        libc::mallopt(libc::M_MMAP_THRESHOLD, MMAP_FROM);
        libc::mallopt(libc::M_TRIM_THRESHOLD, TRIM_FROM);
    }
}

/// Free heap memory a process may keep between cells (well under the 64 MiB
/// the reliability tests allow an interrupted cell to leave): up to this, a
/// cell's task tables and small blocks are reused by the next cell instead of
/// being returned and faulted in again (first touches of fresh pages were
/// most of a cold 10⁵-task compute).
const KEEP_FREE: usize = 16 << 20;

/// Return free heap memory to the operating system once more than
/// [`KEEP_FREE`] of it has piled up. glibc keeps freed blocks below its
/// mmap threshold ([`MMAP_FROM`]) in its arenas, so after a computation of
/// many chunks just under it — above all an interrupted one — the
/// process would otherwise keep hundreds of MiB it no longer uses. Cheap
/// when little is free; called once the kernel is idle after a cell
/// ([`cell_finished`]).
pub fn release_free_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: mallinfo2 only reads the allocator's statistics; malloc_trim
    // only releases pages the allocator holds as free.
    unsafe {
        if libc::mallinfo2().fordblks > KEEP_FREE {
            libc::malloc_trim(0);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_blocks_round_trip_through_the_allocator() {
        let v = vec![1.5f64; (HUGE_FROM / 8) * 3 + 7];
        assert_eq!(v.iter().sum::<f64>(), 1.5 * v.len() as f64);
        let mut w: Vec<u8> = Vec::with_capacity(16);
        w.resize(HUGE_FROM * 2, 7);
        assert!(w.iter().all(|&b| b == 7));
    }
}

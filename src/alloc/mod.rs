//! Allocator tuning for a computing process: glibc's mmap and trim
//! thresholds (`tune`) and returning free memory to the system once the kernel
//! is idle (`idle.rs`). Tessera allocates through `System`.
//!
//! Huge pages are not advised. 848cc40 advised them for blocks of 4 MiB or
//! more, as NumPy does, so fresh chunks would fault in 2 MiB at a time; on the
//! VMs Tessera is measured on, a fresh 2 MiB page proved far dearer than 512
//! small ones. The matrix product of W5 (5000², `tessera run`) spent 40 % of its
//! samples zeroing huge pages and took 4.5-8 s with the advice against 3.5 s
//! without; W1, W2, W8 and W9's sum ran the same either way, W9's
//! `mean(axis=0)` 3-6 % slower without.

mod idle;

pub use idle::{cell_finished, cell_started, IDLE_TRIM_AFTER};

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

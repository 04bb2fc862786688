//! Where an eager `ndarray`'s values live: one shared, lockable buffer per
//! array, and views that see part of it through a basic selection, so that
//! `b = a[0:2]; b[0] = 7` changes `a` as in NumPy.
//!
//! Readers get an `Arc<Chunk>` snapshot; a write replaces the buffer's
//! contents copy-on-write (`Arc::make_mut`), so anything that took a snapshot
//! earlier — a lazy graph built with `da.from_array(a)` or `x + a` — keeps
//! the values it saw, which is what Dask shows too (it copies NumPy inputs).

use crate::chunk::blocks::{select, Sel};
use crate::chunk::setitem::{assign, Place};
use crate::chunk::{Chunk, ChunkError};
use parking_lot::{Mutex, RwLock};
use std::sync::Arc;

/// The buffer and a counter bumped by every write (views cache by it).
struct Slot {
    version: u64,
    data: Arc<Chunk>,
}

/// The values of an eager array, or of a view into another's.
pub struct NdStore {
    base: Arc<RwLock<Slot>>,
    /// `None`: the whole buffer; otherwise the basic selection this view shows.
    view: Option<Vec<Sel>>,
    /// The last snapshot a view made, with the buffer version it came from.
    cache: Mutex<Option<(u64, Arc<Chunk>)>>,
}

impl NdStore {
    /// A new buffer holding `c`.
    pub fn new(c: Arc<Chunk>) -> Self {
        NdStore {
            base: Arc::new(RwLock::new(Slot {
                version: 0,
                data: c,
            })),
            view: None,
            cache: Mutex::new(None),
        }
    }

    /// The current values (a snapshot: later writes do not change it).
    pub fn get(&self) -> Arc<Chunk> {
        let Some(view) = &self.view else {
            return self.base.read().data.clone();
        };
        let slot = self.base.read();
        let mut cache = self.cache.lock();
        if let Some((v, c)) = cache.as_ref() {
            if *v == slot.version {
                return c.clone();
            }
        }
        // The view was checked against the buffer's shape when it was made,
        // and writes never change that shape.
        let c = Arc::new(select(&slot.data, view).expect("a view stays in bounds"));
        *cache = Some((slot.version, c.clone()));
        c
    }

    /// A view of these values through `sel`, a basic selection of the values
    /// as they are seen here (in bounds). `None` when it cannot be expressed
    /// as a view of the buffer (an empty slice of a new axis).
    pub fn view(&self, sel: &[Sel]) -> Option<NdStore> {
        let composed = match &self.view {
            None => sel.to_vec(),
            Some(v) => compose(v, sel)?,
        };
        Some(NdStore {
            base: self.base.clone(),
            view: Some(composed),
            cache: Mutex::new(None),
        })
    }

    /// Change the values in place with `f`. `f` sees (and may change) what
    /// this array shows; for a view that is written back into the buffer.
    pub fn update(
        &self,
        f: impl FnOnce(&mut Chunk) -> Result<(), ChunkError>,
    ) -> Result<(), ChunkError> {
        let mut slot = self.base.write();
        match &self.view {
            // Copies only when someone holds a snapshot; the kernels check
            // everything before they write, so an error leaves no half-write.
            None => f(Arc::make_mut(&mut slot.data))?,
            Some(view) => {
                let mut seen = select(&slot.data, view)?;
                f(&mut seen)?;
                let shape = slot.data.shape().to_vec();
                let places: Vec<Place> = view
                    .iter()
                    .filter(|s| !matches!(s, Sel::NewAxis))
                    .zip(&shape)
                    .map(|(s, &n)| match *s {
                        Sel::At(i) => Place::At(i),
                        Sel::Range { start, step, len } => Place::Range { start, step, len },
                        Sel::All | Sel::NewAxis => Place::Range {
                            start: 0,
                            step: 1,
                            len: n,
                        },
                    })
                    .collect();
                assign(Arc::make_mut(&mut slot.data), &places, &seen)?;
            }
        }
        slot.version += 1;
        Ok(())
    }
}

/// `outer` applied after `inner`: one basic selection of the buffer that
/// shows what `x[inner][outer]` shows.
fn compose(inner: &[Sel], outer: &[Sel]) -> Option<Vec<Sel>> {
    let mut out = Vec::with_capacity(inner.len() + outer.len());
    let mut it = inner.iter().peekable();
    // Integer entries of `inner` make no axis of the view: carry them over.
    let flush = |it: &mut std::iter::Peekable<std::slice::Iter<Sel>>, out: &mut Vec<Sel>| {
        while let Some(Sel::At(i)) = it.peek() {
            out.push(Sel::At(*i));
            it.next();
        }
    };
    for o in outer {
        if let Sel::NewAxis = o {
            out.push(Sel::NewAxis);
            continue;
        }
        flush(&mut it, &mut out);
        let i = it.next()?;
        match (*i, *o) {
            (Sel::Range { start, step, .. }, Sel::At(j)) => {
                out.push(Sel::At((start as isize + j as isize * step) as usize))
            }
            (
                Sel::Range { start, step, .. },
                Sel::Range {
                    start: s2,
                    step: st2,
                    len,
                },
            ) => out.push(Sel::Range {
                start: if len == 0 {
                    0
                } else {
                    (start as isize + s2 as isize * step) as usize
                },
                step: step * st2,
                len,
            }),
            (Sel::NewAxis, Sel::At(_)) => {}
            (Sel::NewAxis, Sel::Range { len: 1, .. }) => out.push(Sel::NewAxis),
            _ => return None,
        }
    }
    flush(&mut it, &mut out);
    if it.next().is_some() {
        return None;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn iota(shape: &[usize]) -> Arc<Chunk> {
        let n: usize = shape.iter().product();
        Arc::new(Chunk::from_vec((0..n as i64).collect::<Vec<_>>(), shape).unwrap())
    }

    fn r(start: usize, step: isize, len: usize) -> Sel {
        Sel::Range { start, step, len }
    }

    #[test]
    fn a_view_of_a_view_shows_the_same_as_selecting_twice() {
        let s = NdStore::new(iota(&[4, 5]));
        let steps: [(&[Sel], &[Sel]); 4] = [
            (&[r(3, -1, 4), r(1, 2, 2)], &[r(1, 1, 2), Sel::At(1)]),
            (&[Sel::At(2), r(0, 1, 5)], &[Sel::NewAxis, r(4, -2, 3)]),
            (
                &[Sel::NewAxis, r(0, 1, 4), Sel::At(3)],
                &[Sel::At(0), r(1, 2, 2)],
            ),
            (&[r(0, 2, 2), r(0, 1, 5)], &[r(1, 1, 0), r(0, 1, 5)]),
        ];
        for (a, b) in steps {
            let twice = select(&select(&s.get(), a).unwrap(), b).unwrap();
            let v = s.view(a).unwrap().view(b).unwrap();
            assert_eq!(*v.get(), twice, "{a:?} then {b:?}");
        }
    }

    #[test]
    fn writes_through_a_view_reach_the_buffer_and_other_views() {
        let s = NdStore::new(iota(&[4]));
        let snapshot = s.get();
        let v = s.view(&[r(1, 1, 2)]).unwrap();
        let w = s.view(&[r(3, -1, 4)]).unwrap();
        v.update(|c| {
            assign(
                c,
                &[Place::At(0)],
                &Chunk::from_vec(vec![70i64], &[]).unwrap(),
            )
        })
        .unwrap();
        assert_eq!(s.get().to_f64_vec(), vec![0.0, 70.0, 2.0, 3.0]);
        assert_eq!(w.get().to_f64_vec(), vec![3.0, 2.0, 70.0, 0.0]);
        // An earlier snapshot keeps its values (copy on write).
        assert_eq!(snapshot.to_f64_vec(), vec![0.0, 1.0, 2.0, 3.0]);
    }
}

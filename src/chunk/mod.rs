//! Eager n-d kernels over `ndarray`, one enum variant per dtype.
//! Knows nothing of graphs, scheduling, the dialect or Jupyter.

//! Task graphs: keys, tasks, cull / fuse / order. Knows nothing of arrays or Python.

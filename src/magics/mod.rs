//! Cell magics (`%%timeit`, `%time`, `%who`, ...): wrap a cell, run it on the same interpreter.
